namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>provisioningAction (docs/entra-provisioning.md, 'Log records and steps'); serialized camelCase ("stagedDelete").</summary>
    public enum ProvisioningAction
    {
        Other,
        Create,
        Update,
        Delete,
        Disable,
        StagedDelete,
    }

    /// <summary>provisioningStatusInfo.status and provisioningStep.status.</summary>
    public enum ProvisioningResult
    {
        Success,
        Warning,
        Failure,
        Skipped,
    }

    /// <summary>provisioningStep.provisioningStepType, in the order a change goes through them.</summary>
    public enum ProvisioningStepType
    {
        Import,
        Scoping,
        Matching,
        Processing,
        ReferenceResolution,
        Export,
    }
}
