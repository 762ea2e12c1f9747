using System;
using System.Collections.Specialized;

namespace ShareFileProvisioning
{
    /// <summary>One sync cycle at the end (Invoke-ShareFileSync): counts, time and ShareFile traffic.</summary>
    public sealed class ShareFileSyncSummary
    {
        public string CycleId { get; set; }

        public string Profile { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        /// <summary>Succeeded, CompletedWithFailures, Quarantined or Cancelled.</summary>
        public string Status { get; set; }

        public string PlanId { get; set; }

        public DateTime StartedAt { get; set; }

        public TimeSpan Elapsed { get; set; }

        public TimeSpan PlanningTime { get; set; }

        public int Planned { get; set; }

        public int Succeeded { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }

        public int Staged { get; set; }

        /// <summary>Results per action and status ("Create/Success" = 12).</summary>
        public OrderedDictionary Counts { get; set; } = new OrderedDictionary();

        /// <summary>HTTP requests to ShareFile in this cycle (reads and writes, retries included).</summary>
        public long Requests { get; set; }

        public long Retries { get; set; }

        /// <summary>429 answers received.</summary>
        public long ThrottledResponses { get; set; }

        public TimeSpan ThrottleWait { get; set; }

        /// <summary>Failed actions waiting in the retry queue.</summary>
        public int RetriesQueued { get; set; }

        /// <summary>Skipped results per reason code (LicenceLimit, EmailInUse, OutOfScope, …).</summary>
        public System.Collections.Specialized.OrderedDictionary SkipReasons { get; set; } = new System.Collections.Specialized.OrderedDictionary();

        /// <summary>Objects on the waiting list (skipped for a cause that can go away, or failed permanently); every cycle looks at them again.</summary>
        public int Waiting { get; set; }

        /// <summary>Retry-queue entries dropped because they kept failing for four weeks.</summary>
        public int RetriesExpired { get; set; }

        /// <summary>Why this cycle evaluated everyone instead of only the changes (e.g. the scoping filters changed); null for an incremental cycle.</summary>
        public string FullEvaluationReason { get; set; }

        public bool WatermarkAdvanced { get; set; }

        public bool ThresholdExceeded { get; set; }

        public string QuarantineReason { get; set; }

        public int Links { get; set; }

        public override string ToString() => $"{CycleType} cycle {Status}: {Succeeded} succeeded, {Failed} failed, {Staged} staged";
    }
}
