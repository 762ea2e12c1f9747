using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>initiatedBy: who started the cycle (a user at a console, an automation account, a schedule).</summary>
    public sealed class ProvisioningInitiator
    {
        public string Id { get; set; }

        public string DisplayName { get; set; }

        /// <summary>user, application or system (Entra's initiatorType values).</summary>
        public string InitiatorType { get; set; }
    }

    /// <summary>servicePrincipal: the enterprise app the job belongs to.</summary>
    public sealed class ProvisioningServicePrincipal
    {
        public string Id { get; set; }

        public string DisplayName { get; set; }
    }

    /// <summary>sourceSystem / targetSystem.</summary>
    public sealed class ProvisioningSystem
    {
        public string Id { get; set; }

        public string DisplayName { get; set; }

        public Dictionary<string, string> Details { get; set; }
    }

    /// <summary>sourceIdentity / targetIdentity. Details carries e.g. UserPrincipalName.</summary>
    public sealed class ProvisionedIdentity
    {
        public const string UserPrincipalNameDetail = "UserPrincipalName";

        public string Id { get; set; }

        public string DisplayName { get; set; }

        /// <summary>User or Group.</summary>
        public string IdentityType { get; set; }

        public Dictionary<string, string> Details { get; set; }

        /// <summary>The UserPrincipalName detail, or null.</summary>
        public string UserPrincipalName =>
            Details != null && Details.TryGetValue(UserPrincipalNameDetail, out var upn) ? upn : null;
    }

    /// <summary>provisioningStatusInfo.</summary>
    public sealed class ProvisioningStatusInfo
    {
        public ProvisioningResult Status { get; set; }

        /// <summary>Null on success.</summary>
        public ProvisioningErrorInformation ErrorInformation { get; set; }
    }

    /// <summary>provisioningStatusInfo.errorInformation.</summary>
    public sealed class ProvisioningErrorInformation
    {
        /// <summary>e.g. EntryConflict, DuplicateTargetEntries, TooManyRequests, or a ShareFile error code.</summary>
        public string ErrorCode { get; set; }

        public string Reason { get; set; }

        public string AdditionalDetails { get; set; }

        /// <summary>failure or nonServiceFailure (Entra's categories).</summary>
        public string ErrorCategory { get; set; }

        public string RecommendedAction { get; set; }
    }

    /// <summary>One provisioningSteps[] entry.</summary>
    public sealed class ProvisioningStep
    {
        /// <summary>Entra's step names: EntryImport, EntrySynchronizationScoping, EntrySynchronizationAdd, EntryExportAdd …</summary>
        public string Name { get; set; }

        public ProvisioningStepType ProvisioningStepType { get; set; }

        public ProvisioningResult Status { get; set; }

        public string Description { get; set; }

        public Dictionary<string, string> Details { get; set; }
    }

    /// <summary>One modifiedProperties[] entry; null values are written as JSON null (a property that was empty).</summary>
    public sealed class ModifiedProperty
    {
        public string DisplayName { get; set; }

        public string OldValue { get; set; }

        public string NewValue { get; set; }
    }
}
