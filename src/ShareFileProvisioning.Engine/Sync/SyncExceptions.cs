using System;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>The cycle stopped early and the profile is quarantined; the message says why.</summary>
    public sealed class SyncQuarantinedException : Exception
    {
        public SyncQuarantinedException(string reason, string details, SyncSummary summary, Exception inner = null)
            : base($"The sync stopped and profile '{summary?.ProfileName}' is quarantined ({reason}): {details} The next run tries again.", inner)
        {
            Reason = reason;
            Details = details;
            Summary = summary;
        }

        /// <summary>Entra's reason: EncounteredQuarantineException, EncounteredEscrowProportionThreshold.</summary>
        public string Reason { get; }

        public string Details { get; }

        public SyncSummary Summary { get; }
    }
}
