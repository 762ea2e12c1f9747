using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>One cycle at the end: what ran, how it went, and what ShareFile traffic it took.</summary>
    public sealed class SyncSummary
    {
        public string CycleId { get; set; }

        public string ProfileName { get; set; }

        public PlanCycleType CycleType { get; set; }

        public string PlanId { get; set; }

        /// <summary>Succeeded, CompletedWithFailures, Quarantined, Cancelled.</summary>
        public string Status { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>Time spent computing the plan (reads of the source and ShareFile).</summary>
        public TimeSpan PlanningTime { get; set; }

        /// <summary>The plan's read and compute times (null when a saved plan was applied).</summary>
        public PlanTimings PlanTimings { get; set; }

        public int Planned { get; set; }

        public int Succeeded { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }

        public int Staged { get; set; }

        /// <summary>Results per action and status, e.g. "Create/Success" → 12.</summary>
        public Dictionary<string, int> Counts { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Skipped results per reason code (LicenceLimit, EmailInUse, OutOfScope, NotConfirmed, …).</summary>
        public Dictionary<string, int> SkipReasons { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Objects on the waiting list after the cycle: skipped for a cause that can go away, or failed permanently.</summary>
        public int Waiting { get; set; }

        /// <summary>Retry-queue entries dropped this cycle because they kept failing for four weeks.</summary>
        public int RetriesExpired { get; set; }

        /// <summary>Why this cycle evaluated everyone instead of reading changes (configuration changed, delta expired, …); null otherwise.</summary>
        public string FullEvaluationReason { get; set; }

        public long Requests { get; set; }

        public long Retries { get; set; }

        public long ThrottledResponses { get; set; }

        public TimeSpan ThrottleWaitTotal { get; set; }

        /// <summary>Failed actions queued for a later cycle (the retry queue).</summary>
        public int RetriesQueued { get; set; }

        /// <summary>Retry-queue entries retried by this cycle.</summary>
        public int RetriesAttempted { get; set; }

        public bool WatermarkAdvanced { get; set; }

        public bool ThresholdExceeded { get; set; }

        public string QuarantineReason { get; set; }

        public int LinkCount { get; set; }

        public override string ToString() =>
            $"{CycleType} cycle {Status}: {Succeeded} succeeded, {Failed} failed, {Staged} staged, {Skipped} skipped in {Elapsed.TotalSeconds:0.0} s "
                + $"({Requests} requests)";
    }
}
