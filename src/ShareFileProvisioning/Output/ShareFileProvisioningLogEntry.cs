using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning
{
    /// <summary>
    /// One provisioning log record (Entra's provisioningObjectSummary, flattened). Scalar properties export cleanly
    /// with Export-Csv; <see cref="Steps"/> and <see cref="ModifiedProperties"/> are arrays of simple objects for
    /// ConvertTo-Json and read as one line of text in a CSV cell.
    /// </summary>
    public sealed class ShareFileProvisioningLogEntry
    {
        /// <summary>UTC.</summary>
        public DateTime ActivityDateTime { get; set; }

        public string CycleId { get; set; }

        public string ChangeId { get; set; }

        /// <summary>Create, Update, Delete, Disable, StagedDelete or Other.</summary>
        public string Action { get; set; }

        /// <summary>Success, Warning, Failure or Skipped.</summary>
        public string Status { get; set; }

        public string ErrorCode { get; set; }

        public string Reason { get; set; }

        public string RecommendedAction { get; set; }

        public string SourceId { get; set; }

        public string SourceDisplayName { get; set; }

        public string SourceUserPrincipalName { get; set; }

        /// <summary>User or Group.</summary>
        public string SourceType { get; set; }

        public string TargetId { get; set; }

        public string TargetDisplayName { get; set; }

        public long DurationInMilliseconds { get; set; }

        public string JobId { get; set; }

        public string InitiatedBy { get; set; }

        public ShareFileModifiedPropertyList ModifiedProperties { get; set; } = new ShareFileModifiedPropertyList();

        public ShareFileProvisioningStepList Steps { get; set; } = new ShareFileProvisioningStepList();

        public override string ToString() => $"{Action} {SourceUserPrincipalName ?? SourceDisplayName ?? SourceId}: {Status}";
    }

    /// <summary>A changed property: old and new value (null = no value).</summary>
    public sealed class ShareFileModifiedProperty
    {
        public string Name { get; set; }

        public string OldValue { get; set; }

        public string NewValue { get; set; }

        public override string ToString() => $"{Name}: {Show(OldValue)} -> {Show(NewValue)}";

        private static string Show(string value) => value == null ? "(none)" : "'" + value + "'";
    }

    /// <summary>One provisioning step (import, scoping, matching, processing, referenceResolution, export).</summary>
    public sealed class ShareFileProvisioningStep
    {
        public string Name { get; set; }

        public string Type { get; set; }

        public string Status { get; set; }

        public string Description { get; set; }

        /// <summary>Step details as "Key=Value; …" (e.g. Assigned=True; IsActive=True).</summary>
        public string Details { get; set; }

        public override string ToString() => $"{Type} {Name} {Status}" + (string.IsNullOrEmpty(Description) ? string.Empty : ": " + Description);
    }

    /// <summary>Modified properties; as text (a CSV cell) "Email: (none) -> 'ada@contoso.com'; …".</summary>
    public sealed class ShareFileModifiedPropertyList : List<ShareFileModifiedProperty>
    {
        public override string ToString() => string.Join("; ", this.Select(p => p.ToString()));
    }

    /// <summary>Provisioning steps in order; as text (a CSV cell) "import EntryImport success; …".</summary>
    public sealed class ShareFileProvisioningStepList : List<ShareFileProvisioningStep>
    {
        public override string ToString() => string.Join("; ", this.Select(s => $"{s.Type} {s.Name} {s.Status}"));
    }
}
