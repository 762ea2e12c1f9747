using System;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>The "synchronization details" view of a profile: last cycle, retries, quarantine, staged deletes, links.</summary>
    public sealed class ProvisioningStatus
    {
        public string ProfileName { get; set; }

        /// <summary>The newest cycle (from its log summary, else from the state's cycle history); null before the first cycle.</summary>
        public CycleLogSummary LastCycle { get; set; }

        public bool IsQuarantined => QuarantineReason != null;

        public string QuarantineReason { get; set; }

        public DateTimeOffset? QuarantinedSince { get; set; }

        public string QuarantineDetails { get; set; }

        /// <summary>Failed actions waiting for another attempt.</summary>
        public int PendingRetries { get; set; }

        /// <summary>Of those, how many are due now.</summary>
        public int RetriesDueNow { get; set; }

        /// <summary>When the earliest pending retry is due; null when none is pending.</summary>
        public DateTimeOffset? NextRetryAt { get; set; }

        /// <summary>Deprovisioning actions held by the deletion threshold and not yet approved.</summary>
        public int StagedDeletes { get; set; }

        /// <summary>Objects skipped for a cause that can go away, or failed permanently: every cycle looks at them again.</summary>
        public System.Collections.Generic.List<State.WaitingEntry> Waiting { get; set; } = new System.Collections.Generic.List<State.WaitingEntry>();

        /// <summary>The newest cycle that succeeded (with or without failed actions); null when none has.</summary>
        public State.CycleHistoryEntry LastGoodCycle { get; set; }

        /// <summary>The newest cycle that failed, could not start or was quarantined; null when none has.</summary>
        public State.CycleHistoryEntry LastFailedCycle { get; set; }

        public int LinkedUsers { get; set; }

        public int LinkedGroups { get; set; }

        /// <summary>Where the state and the logs live (for messages).</summary>
        public string StateLocation { get; set; }

        public string LogLocation { get; set; }
    }
}
