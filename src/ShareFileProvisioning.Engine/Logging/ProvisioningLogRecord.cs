using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// One provisioning action in Entra's provisioningObjectSummary shape (docs/entra-provisioning.md, 'Log records and steps'); serialized as
    /// camelCase JSON by <see cref="ProvisioningLogJson"/>. Build one with <see cref="For"/>; a record written to a log
    /// store has every string passed through <see cref="ProvisioningLogSanitizer"/>.
    /// </summary>
    public sealed class ProvisioningLogRecord
    {
        public string Id { get; set; }

        /// <summary>UTC.</summary>
        public DateTimeOffset ActivityDateTime { get; set; }

        public string TenantId { get; set; }

        /// <summary>&lt;templateId&gt;.&lt;tenantId without dashes&gt;.&lt;guid&gt;, stable per profile (<see cref="ProvisioningJobId"/>).</summary>
        public string JobId { get; set; }

        public string CycleId { get; set; }

        public string ChangeId { get; set; }

        public long DurationInMilliseconds { get; set; }

        public ProvisioningInitiator InitiatedBy { get; set; }

        public ProvisioningServicePrincipal ServicePrincipal { get; set; }

        public ProvisioningSystem SourceSystem { get; set; }

        public ProvisioningSystem TargetSystem { get; set; }

        public ProvisionedIdentity SourceIdentity { get; set; }

        public ProvisionedIdentity TargetIdentity { get; set; }

        public ProvisioningAction ProvisioningAction { get; set; }

        public ProvisioningStatusInfo ProvisioningStatusInfo { get; set; }

        public List<ProvisioningStep> ProvisioningSteps { get; set; } = new List<ProvisioningStep>();

        public List<ModifiedProperty> ModifiedProperties { get; set; } = new List<ModifiedProperty>();

        /// <summary>Starts a record for one change in the given cycle (ids and time filled, status success until told otherwise).</summary>
        public static ProvisioningLogRecordBuilder For(ProvisioningCycleContext cycle, ProvisioningAction action) =>
            new ProvisioningLogRecordBuilder(cycle, action);

        public override string ToString() =>
            $"{ProvisioningAction} {SourceIdentity?.DisplayName ?? SourceIdentity?.Id} → {ProvisioningStatusInfo?.Status} "
                + $"(cycle {CycleId}, change {ChangeId})";
    }
}
