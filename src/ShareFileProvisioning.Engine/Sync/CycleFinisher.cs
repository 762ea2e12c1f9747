using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The end every cycle goes through — one that ran, one quarantined, cancelled or failed mid-cycle, and one that
    /// could not start: the quarantine state, the cycle history and the notification (once per condition).
    /// </summary>
    internal static class CycleFinisher
    {
        /// <summary>Records the cycle's outcome; <paramref name="quarantine"/> is saved when set, and a cycle that ran clean clears an old one.</summary>
        public static async Task RecordAsync(SyncRequest request, IStateStore state, SyncSummary summary, string cycleType, string error,
            QuarantineStatus quarantine, bool clearsQuarantine, IEngineTrace trace)
        {
            if (quarantine != null)
            {
                await state.SaveQuarantineAsync(quarantine, CancellationToken.None).ConfigureAwait(false);
            }
            else if (clearsQuarantine && await state.LoadQuarantineAsync(CancellationToken.None).ConfigureAwait(false) != null)
            {
                await state.SaveQuarantineAsync(null, CancellationToken.None).ConfigureAwait(false);
                trace.Verbose("The cycle ran without tripping the quarantine bounds: the quarantine is cleared.");
            }
            await state.AppendCycleHistoryAsync(new CycleHistoryEntry
            {
                CycleId = summary.CycleId, CycleType = cycleType, StartedAt = summary.StartedAt, CompletedAt = DateTimeOffset.UtcNow,
                Status = summary.Status, Counts = new Dictionary<string, int>(summary.Counts, StringComparer.OrdinalIgnoreCase), Error = error,
            }, SyncDefaults.CycleHistoryKept, CancellationToken.None).ConfigureAwait(false);
            await NotifyAsync(request, summary, cycleType, error, trace).ConfigureAwait(false);
        }

        private static async Task NotifyAsync(SyncRequest request, SyncSummary summary, string cycleType, string error, IEngineTrace trace)
        {
            if (request.Notifications == null) return;
            try
            {
                var sent = await request.Notifications.NotifyAsync(new CycleOutcome
                {
                    ProfileName = summary.ProfileName, CycleId = summary.CycleId, CycleType = cycleType,
                    QuarantineReason = summary.QuarantineReason ?? (summary.Status == "Succeeded" || summary.Status == "CompletedWithFailures" || summary.Status == "Cancelled" ? null : "CycleFailed"),
                    QuarantineDetails = error, StagedDeletes = summary.Staged, Failures = summary.Failed, Actions = summary.Succeeded + summary.Failed,
                }, CancellationToken.None).ConfigureAwait(false);
                foreach (var n in sent)
                    trace.Verbose($"Notification '{n.Condition}': {n.Disposition}" + (n.Error != null ? " — " + n.Error : "") + ".");
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // A mail that cannot go out must not undo a cycle that ran; the admin sees it in the verbose stream.
                trace.Verbose("The cycle's notification could not be sent: " + SecretRedactor.Redact(e.Message));
            }
        }
    }
}
