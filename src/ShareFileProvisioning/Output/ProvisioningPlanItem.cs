using System;
using System.Collections;

namespace ShareFileProvisioning
{
    /// <summary>One planned action (Get-ProvisioningPlan): what the sync will do with one object, and why.</summary>
    public sealed class ProvisioningPlanItem
    {
        public string ChangeId { get; set; }

        /// <summary>Create, Adopt, Update, Enable, Disable, DowngradeToClient, PromoteToEmployee, Delete, Skip, Conflict, Unmanaged; for groups CreateGroup, AdoptGroup, RenameGroup, AddMembers, RemoveMembers, DeleteGroup, UnmanageGroup.</summary>
        public string Action { get; set; }

        /// <summary>User or Group.</summary>
        public string ObjectType { get; set; }

        /// <summary>The source object id (Entra object id or the pipeline row's anchor).</summary>
        public string SourceId { get; set; }

        public string UserPrincipalName { get; set; }

        public string DisplayName { get; set; }

        public string TargetId { get; set; }

        public string TargetEmail { get; set; }

        /// <summary>Employee or Client after the action.</summary>
        public string UserType { get; set; }

        public ProvisioningPlanChange[] Changes { get; set; } = Array.Empty<ProvisioningPlanChange>();

        /// <summary>The changes on one line ("LastName: Byron → Lovelace; …").</summary>
        public string ChangeSummary { get; set; }

        /// <summary>For Skip and Conflict: NoChange, MissingRequiredAttribute, InvalidEmail, OutOfScope, …</summary>
        public string SkipReason { get; set; }

        /// <summary>A licence reclaim's downgrade: Disabled, Inactive or NeverSignedIn; null otherwise.</summary>
        public string ReclaimReason { get; set; }

        public string Reason { get; set; }

        /// <summary>Reason, and the changes when there are any: what the table shows.</summary>
        public string Details => ChangeSummary == null ? Reason : Reason + " " + ChangeSummary;

        public string[] ConflictingIds { get; set; } = Array.Empty<string>();

        /// <summary>Delete only: who receives the files and groups.</summary>
        public string ReassignTo { get; set; }

        /// <summary>Group items: the members sent (CreateGroup, AddMembers, RemoveMembers), as "upn (ShareFile id)"; no id yet for users created in the same cycle.</summary>
        public string[] Members { get; set; } = Array.Empty<string>();

        /// <summary>Group items: in-scope members left out because their user is not provisioned (reference failures).</summary>
        public string[] UnresolvedMembers { get; set; } = Array.Empty<string>();

        /// <summary>Import, scoping and matching steps in Entra's provisioning-log vocabulary.</summary>
        public ProvisioningPlanStep[] Steps { get; set; } = Array.Empty<ProvisioningPlanStep>();

        public override string ToString() => $"{Action} {DisplayName ?? UserPrincipalName ?? TargetEmail}";
    }

    /// <summary>One attribute an action writes: old → new ("[Redact]" for redacted values).</summary>
    public sealed class ProvisioningPlanChange
    {
        public string Attribute { get; set; }

        public string OldValue { get; set; }

        public string NewValue { get; set; }

        public override string ToString() => $"{Attribute}: {OldValue ?? "null"} → {NewValue ?? "null"}";
    }

    /// <summary>A step of a planned action, named as in Entra's provisioning logs (EntryImport, EntrySynchronizationScoping, …).</summary>
    public sealed class ProvisioningPlanStep
    {
        public string Name { get; set; }

        /// <summary>Import, Scoping, Matching, Processing, ReferenceResolution or Export.</summary>
        public string StepType { get; set; }

        public string Status { get; set; }

        public string Description { get; set; }

        public Hashtable Details { get; set; }

        public override string ToString() => $"{Name}: {Description}";
    }
}
