using System;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// What every record of one cycle shares: tenant, job, cycle id, who started it, the app and the two systems.
    /// The sync creates one per run with <see cref="Start"/> and passes it to <see cref="ProvisioningLogRecord.For"/>.
    /// </summary>
    public sealed class ProvisioningCycleContext
    {
        public const string SourceSystemName = "Entra ID";
        public const string TargetSystemName = "ShareFile";

        public string ProfileName { get; set; }

        public string TenantId { get; set; }

        public string JobId { get; set; }

        public string CycleId { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public ProvisioningInitiator InitiatedBy { get; set; }

        public ProvisioningServicePrincipal ServicePrincipal { get; set; }

        public ProvisioningSystem SourceSystem { get; set; }

        public ProvisioningSystem TargetSystem { get; set; }

        /// <summary>
        /// A new cycle: fresh cycle id, the profile's stable job id, start time now. <paramref name="targetAccount"/> is
        /// the ShareFile subdomain (the target system's id); the initiator defaults to the current OS user.
        /// </summary>
        public static ProvisioningCycleContext Start(
            string profileName,
            string tenantId,
            string cycleType,
            ProvisioningServicePrincipal servicePrincipal = null,
            string targetAccount = null,
            ProvisioningInitiator initiatedBy = null,
            DateTimeOffset? now = null)
        {
            if (string.IsNullOrWhiteSpace(profileName)) throw new ArgumentException("The profile name is required to start a provisioning cycle.", nameof(profileName));
            return new ProvisioningCycleContext
            {
                ProfileName = profileName,
                TenantId = tenantId,
                JobId = ProvisioningJobId.For(tenantId, profileName),
                CycleId = Guid.NewGuid().ToString(),
                CycleType = cycleType,
                StartedAt = (now ?? DateTimeOffset.UtcNow).ToUniversalTime(),
                ServicePrincipal = servicePrincipal,
                InitiatedBy = initiatedBy ?? CurrentUser(),
                SourceSystem = new ProvisioningSystem { Id = tenantId, DisplayName = SourceSystemName },
                TargetSystem = new ProvisioningSystem { Id = targetAccount, DisplayName = TargetSystemName },
            };
        }

        /// <summary>The signed-in OS user, as Entra records a manual start.</summary>
        public static ProvisioningInitiator CurrentUser() => new ProvisioningInitiator
        {
            Id = Environment.UserName,
            DisplayName = string.IsNullOrEmpty(Environment.UserDomainName) ? Environment.UserName : Environment.UserDomainName + "\\" + Environment.UserName,
            InitiatorType = "user",
        };
    }
}
