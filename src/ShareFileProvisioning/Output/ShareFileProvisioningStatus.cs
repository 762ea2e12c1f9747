using System;

namespace ShareFileProvisioning
{
    /// <summary>A profile's "synchronization details": the last cycle, quarantine, pending retries, staged deletes, links.</summary>
    public sealed class ShareFileProvisioningStatus
    {
        public string Profile { get; set; }

        public string LastCycleId { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string LastCycleType { get; set; }

        /// <summary>Succeeded, CompletedWithFailures, Quarantined, Running (or stopped mid-cycle) …</summary>
        public string LastCycleStatus { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? LastCycleStart { get; set; }

        public TimeSpan? LastCycleDuration { get; set; }

        /// <summary>Actions logged in the last cycle, e.g. "Create 12, Update 3".</summary>
        public string LastCycleActions { get; set; }

        public int LastCycleSucceeded { get; set; }

        public int LastCycleFailed { get; set; }

        public int LastCycleSkipped { get; set; }

        public int LastCycleRequests { get; set; }

        public int LastCycleRetries { get; set; }

        public int LastCycleThrottleWaits { get; set; }

        public bool Quarantined { get; set; }

        public string QuarantineReason { get; set; }

        public DateTime? QuarantinedSince { get; set; }

        public string QuarantineDetails { get; set; }

        public int PendingRetries { get; set; }

        public int RetriesDueNow { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? NextRetryAt { get; set; }

        public int StagedDeletes { get; set; }

        /// <summary>Objects waiting on a cause outside the module (licence, email in use, conflict, permanent failure), one line each: name, reason, since.</summary>
        public string[] Waiting { get; set; } = new string[0];

        public int WaitingCount { get; set; }

        /// <summary>The newest cycle that ran to its end (UTC start), its type and status.</summary>
        public string LastGoodCycle { get; set; }

        public DateTime? LastGoodCycleStart { get; set; }

        /// <summary>The newest cycle that failed, could not start or was quarantined, with its reason.</summary>
        public string LastFailedCycle { get; set; }

        public DateTime? LastFailedCycleStart { get; set; }

        public string LastFailedCycleError { get; set; }

        public int LinkedUsers { get; set; }

        public int LinkedGroups { get; set; }

        public string StatePath { get; set; }

        public string LogPath { get; set; }

        public override string ToString() => $"{Profile}: {LastCycleType} {LastCycleStatus}" + (Quarantined ? $" (quarantined: {QuarantineReason})" : string.Empty);
    }
}
