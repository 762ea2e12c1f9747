namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>ShareFile user attributes a mapping can write (or match on).</summary>
    public enum TargetAttribute
    {
        Email,
        FirstName,
        LastName,
        Company,
        /// <summary>"Employee" or "Client"; usually set by the userType section instead of a mapping.</summary>
        UserType,
        /// <summary>Inverse of ShareFile's Security.IsDisabled.</summary>
        Enabled,
        DefaultZone,
        StorageQuotaLimitGB,
        CanCreateFolders,
        CanUseFileBox,
        CanManageUsers,
    }

    /// <summary>Where a mapping's value comes from (docs/entra-provisioning.md, 'Attribute mappings and expressions').</summary>
    public enum MappingType
    {
        Direct,
        Constant,
        Expression,
    }

    /// <summary>Entra's "Apply this mapping": flowType Always or ObjectAddOnly.</summary>
    public enum MappingApply
    {
        Always,
        OnCreateOnly,
    }

    /// <summary>The ShareFile user kind.</summary>
    public enum UserKind
    {
        Employee,
        Client,
    }

    /// <summary>What happens to a linked user that leaves scope.</summary>
    public enum DeprovisioningAction
    {
        Disable,
        /// <summary>Employee → client: frees the employee licence.</summary>
        DowngradeToClient,
        /// <summary>Only with a reassign-to user for files and groups.</summary>
        Delete,
        /// <summary>Leave out-of-scope users alone (Entra's SkipOutOfScopeDeletions).</summary>
        None,
    }

    public enum GroupRemovedAction
    {
        Delete,
        Keep,
    }

    public enum NestedGroupHandling
    {
        /// <summary>Only direct user members (as Entra does).</summary>
        Direct,
        /// <summary>Users of nested groups become members too.</summary>
        Flatten,
    }

    /// <summary>What to do with a group larger than ShareFile's member limit.</summary>
    public enum GroupOverflowPolicy
    {
        Skip,
        ApplyWhatFits,
    }
}
