using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// Builds <see cref="ProvisioningStatus"/> from the last cycle summary (one small file) and the state store. Reads
    /// only: it does not take the state lock, so it works while a sync runs (showing the last saved state).
    /// </summary>
    public sealed class ProvisioningStatusReader
    {
        private readonly ILogStore _logs;
        private readonly IStateStore _state;

        public ProvisioningStatusReader(ILogStore logs, IStateStore state)
        {
            _logs = logs ?? throw new ArgumentNullException(nameof(logs));
            _state = state ?? throw new ArgumentNullException(nameof(state));
        }

        public async Task<ProvisioningStatus> ReadAsync(string profileName, CancellationToken cancellationToken, DateTimeOffset? now = null)
        {
            var at = now ?? DateTimeOffset.UtcNow;
            var status = new ProvisioningStatus { ProfileName = profileName, StateLocation = _state.Location, LogLocation = _logs.Location };

            var history = await _state.LoadCycleHistoryAsync(cancellationToken).ConfigureAwait(false);
            status.LastCycle = _logs.ReadLastCycle() ?? FromHistory(history);
            status.LastGoodCycle = history?.LastOrDefault(h => IsGood(h.Status));
            status.LastFailedCycle = history?.LastOrDefault(h => !IsGood(h.Status) && h.Status != "Cancelled");
            status.Waiting = await Sync.WaitingBook.ReadAsync(_state, cancellationToken).ConfigureAwait(false);

            var quarantine = await _state.LoadQuarantineAsync(cancellationToken).ConfigureAwait(false);
            if (quarantine != null)
            {
                status.QuarantineReason = quarantine.Reason ?? "Unknown";
                status.QuarantinedSince = quarantine.Since;
                status.QuarantineDetails = quarantine.Details;
            }

            var retries = await _state.LoadRetryQueueAsync(cancellationToken).ConfigureAwait(false);
            status.PendingRetries = retries.Count;
            status.RetriesDueNow = retries.Count(r => r.NextAttemptAt <= at);
            status.NextRetryAt = retries.Count == 0 ? (DateTimeOffset?)null : retries.Min(r => r.NextAttemptAt);

            var staged = await _state.LoadStagedDeletesAsync(cancellationToken).ConfigureAwait(false);
            status.StagedDeletes = staged.Count(s => !s.Approved);

            var links = await _state.LoadLinksAsync(cancellationToken).ConfigureAwait(false);
            status.LinkedUsers = links.Count(l => l.ObjectType == LinkedObjectType.User);
            status.LinkedGroups = links.Count(l => l.ObjectType == LinkedObjectType.Group);
            return status;
        }

        private static bool IsGood(string status) => status == "Succeeded" || status == "CompletedWithFailures";

        private static CycleLogSummary FromHistory(System.Collections.Generic.IReadOnlyList<CycleHistoryEntry> history)
        {
            var last = history?.LastOrDefault();
            if (last == null) return null;
            var summary = new CycleLogSummary
            {
                CycleId = last.CycleId,
                CycleType = last.CycleType,
                Status = last.Status,
                StartedAt = last.StartedAt,
                CompletedAt = last.CompletedAt,
                DurationInMilliseconds = last.CompletedAt.HasValue ? (long)(last.CompletedAt.Value - last.StartedAt).TotalMilliseconds : (long?)null,
                Error = last.Error,
            };
            foreach (var c in last.Counts ?? new System.Collections.Generic.Dictionary<string, int>()) summary.ActionCounts[c.Key] = c.Value;
            summary.RecordCount = summary.ActionCounts.Values.Sum();
            return summary;
        }
    }
}
