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

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The cycle was refused before anything was sent: the source looks broken (no assignments while accounts are
    /// linked), or it is not the source the state was built from. <see cref="Code"/> names the rule.
    /// </summary>
    public sealed class SyncRefusedException : Exception
    {
        public SyncRefusedException(string code, string message)
            : base(message)
        {
            Code = code;
        }

        /// <summary>SuspiciousSource or SourceMismatch.</summary>
        public string Code { get; }
    }
}
