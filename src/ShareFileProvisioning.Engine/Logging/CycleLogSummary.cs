using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>One cycle at a glance (written next to its records, read cheaply by the status view).</summary>
    public sealed class CycleLogSummary
    {
        public const string RunningStatus = "Running";

        public string CycleId { get; set; }

        public string JobId { get; set; }

        public string ProfileName { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        /// <summary>Running until completed; then the caller's status (Succeeded, CompletedWithFailures, Quarantined, Cancelled …).</summary>
        public string Status { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public long? DurationInMilliseconds { get; set; }

        /// <summary>Records per provisioningAction (create, update, …).</summary>
        public Dictionary<string, int> ActionCounts { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Records per status (success, failure, …).</summary>
        public Dictionary<string, int> StatusCounts { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public int RecordCount { get; set; }

        public int Requests { get; set; }

        public int Retries { get; set; }

        public int ThrottleWaits { get; set; }

        public long ThrottleWaitMilliseconds { get; set; }

        public string QuarantineReason { get; set; }

        /// <summary>Why the cycle stopped early, if it did. No secrets.</summary>
        public string Error { get; set; }

        /// <summary>True when the summary still says Running but the writer is gone (the process ended mid-cycle).</summary>
        public bool IsRunning => string.Equals(Status, RunningStatus, StringComparison.OrdinalIgnoreCase);

        /// <summary>The summary a log store writes when a cycle begins (the same for every log store).</summary>
        internal static CycleLogSummary Begin(ProvisioningCycleContext cycle) => new CycleLogSummary
        {
            CycleId = cycle.CycleId,
            JobId = cycle.JobId,
            ProfileName = cycle.ProfileName,
            CycleType = cycle.CycleType,
            Status = RunningStatus,
            StartedAt = cycle.StartedAt,
        };

        /// <summary>What a log store reports for a cycle whose summary is missing or unreadable: what its name tells.</summary>
        internal static CycleLogSummary FromName(LogFileNames names) =>
            new CycleLogSummary { CycleId = names.CycleId, StartedAt = names.StartedAt, Status = "Unknown" };

        /// <summary>Closes the summary with the cycle's outcome (the same for every log store).</summary>
        internal void Complete(CycleCompletion completion)
        {
            var end = (completion.CompletedAt ?? DateTimeOffset.UtcNow).ToUniversalTime();
            Status = string.IsNullOrWhiteSpace(completion.Status) ? "Succeeded" : completion.Status;
            CompletedAt = end;
            DurationInMilliseconds = (long)Math.Max(0, (end - StartedAt).TotalMilliseconds);
            Requests = completion.Requests;
            Retries = completion.Retries;
            ThrottleWaits = completion.ThrottleWaits;
            ThrottleWaitMilliseconds = (long)completion.ThrottleWaitTime.TotalMilliseconds;
            QuarantineReason = ProvisioningLogSanitizer.Clean(completion.QuarantineReason);
            Error = ProvisioningLogSanitizer.Clean(completion.Error);
        }

        public int CountOf(ProvisioningResult status) =>
            StatusCounts != null && StatusCounts.TryGetValue(status.ToString(), out var n) ? n : 0;

        public int CountOf(ProvisioningAction action) =>
            ActionCounts != null && ActionCounts.TryGetValue(action.ToString(), out var n) ? n : 0;
    }

    /// <summary>What the sync knows at the end of a cycle that the records do not tell.</summary>
    public sealed class CycleCompletion
    {
        /// <summary>Succeeded, CompletedWithFailures, Quarantined, Cancelled, Failed …</summary>
        public string Status { get; set; } = "Succeeded";

        public int Requests { get; set; }

        public int Retries { get; set; }

        public int ThrottleWaits { get; set; }

        public TimeSpan ThrottleWaitTime { get; set; }

        public string QuarantineReason { get; set; }

        public string Error { get; set; }

        /// <summary>Default: now.</summary>
        public DateTimeOffset? CompletedAt { get; set; }
    }
}
