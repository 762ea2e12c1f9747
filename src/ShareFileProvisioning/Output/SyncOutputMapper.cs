using System.Collections.Specialized;
using System.Linq;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning
{
    /// <summary>Engine sync results → the module's output types.</summary>
    internal static class SyncOutputMapper
    {
        public static ShareFileSyncResult ToResult(SyncActionResult r) => new ShareFileSyncResult
        {
            Action = r.Action.ToString(), ObjectType = r.ObjectType.ToString(), DisplayName = r.DisplayName, UserPrincipalName = r.SourceAnchor,
            Email = r.Email, Status = r.Status.ToString(), ShareFileId = r.ShareFileId, AdoptedOnConflict = r.AdoptedOnConflict,
            ErrorCode = r.ErrorCode, ErrorMessage = r.ErrorMessage, Duration = r.Duration, SourceId = r.SourceId, ChangeId = r.ChangeId,
            CompletedAt = r.CompletedAt.UtcDateTime,
        };

        public static ShareFileSyncSummary ToSummary(SyncSummary s)
        {
            var counts = new OrderedDictionary();
            foreach (var pair in s.Counts.OrderBy(p => p.Key)) counts[pair.Key] = pair.Value;
            var skips = new OrderedDictionary();
            foreach (var pair in s.SkipReasons.OrderBy(p => p.Key)) skips[pair.Key] = pair.Value;
            return new ShareFileSyncSummary
            {
                CycleId = s.CycleId, Profile = s.ProfileName, CycleType = s.CycleType.ToString(), Status = s.Status, PlanId = s.PlanId,
                StartedAt = s.StartedAt.UtcDateTime, Elapsed = s.Elapsed, PlanningTime = s.PlanningTime, Planned = s.Planned,
                Succeeded = s.Succeeded, Failed = s.Failed, Skipped = s.Skipped, Staged = s.Staged, Counts = counts, Requests = s.Requests,
                Retries = s.Retries, ThrottledResponses = s.ThrottledResponses, ThrottleWait = s.ThrottleWaitTotal, RetriesQueued = s.RetriesQueued,
                SkipReasons = skips, Waiting = s.Waiting, RetriesExpired = s.RetriesExpired,
                FullEvaluationReason = s.FullEvaluationReason, WatermarkAdvanced = s.WatermarkAdvanced, ThresholdExceeded = s.ThresholdExceeded, QuarantineReason = s.QuarantineReason, Links = s.LinkCount,
            };
        }
    }
}
