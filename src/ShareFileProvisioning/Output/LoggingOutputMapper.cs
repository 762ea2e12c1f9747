using System.Linq;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning
{
    /// <summary>Engine log records and status → the module's public output types.</summary>
    internal static class LoggingOutputMapper
    {
        public static ShareFileProvisioningLogEntry ToEntry(ProvisioningLogRecord r)
        {
            var error = r.ProvisioningStatusInfo?.ErrorInformation;
            var entry = new ShareFileProvisioningLogEntry
            {
                ActivityDateTime = r.ActivityDateTime.UtcDateTime,
                CycleId = r.CycleId,
                ChangeId = r.ChangeId,
                Action = r.ProvisioningAction.ToString(),
                Status = (r.ProvisioningStatusInfo?.Status ?? ProvisioningResult.Success).ToString(),
                ErrorCode = error?.ErrorCode,
                Reason = error?.Reason,
                RecommendedAction = error?.RecommendedAction,
                SourceId = r.SourceIdentity?.Id,
                SourceDisplayName = r.SourceIdentity?.DisplayName,
                SourceUserPrincipalName = r.SourceIdentity?.UserPrincipalName,
                SourceType = r.SourceIdentity?.IdentityType ?? r.TargetIdentity?.IdentityType,
                TargetId = r.TargetIdentity?.Id,
                TargetDisplayName = r.TargetIdentity?.DisplayName,
                DurationInMilliseconds = r.DurationInMilliseconds,
                JobId = r.JobId,
                InitiatedBy = r.InitiatedBy?.DisplayName ?? r.InitiatedBy?.Id,
            };
            foreach (var p in r.ModifiedProperties ?? Enumerable.Empty<ModifiedProperty>())
                entry.ModifiedProperties.Add(new ShareFileModifiedProperty { Name = p.DisplayName, OldValue = p.OldValue, NewValue = p.NewValue });
            foreach (var s in r.ProvisioningSteps ?? Enumerable.Empty<ProvisioningStep>())
            {
                entry.Steps.Add(new ShareFileProvisioningStep
                {
                    Name = s.Name,
                    Type = s.ProvisioningStepType.ToString(),
                    Status = s.Status.ToString(),
                    Description = s.Description,
                    Details = s.Details == null || s.Details.Count == 0 ? null : string.Join("; ", s.Details.Select(d => d.Key + "=" + d.Value)),
                });
            }
            return entry;
        }

        public static ShareFileProvisioningStatus ToStatus(ProvisioningStatus s)
        {
            var c = s.LastCycle;
            return new ShareFileProvisioningStatus
            {
                Profile = s.ProfileName,
                LastCycleId = c?.CycleId,
                LastCycleType = c?.CycleType,
                LastCycleStatus = c?.Status,
                LastCycleStart = c?.StartedAt.UtcDateTime,
                LastCycleDuration = c?.DurationInMilliseconds == null ? (System.TimeSpan?)null : System.TimeSpan.FromMilliseconds(c.DurationInMilliseconds.Value),
                LastCycleActions = c == null ? null : string.Join(", ", c.ActionCounts.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}")),
                LastCycleSucceeded = c?.CountOf(ProvisioningResult.Success) ?? 0,
                LastCycleFailed = c?.CountOf(ProvisioningResult.Failure) ?? 0,
                LastCycleSkipped = c?.CountOf(ProvisioningResult.Skipped) ?? 0,
                LastCycleRequests = c?.Requests ?? 0,
                LastCycleRetries = c?.Retries ?? 0,
                LastCycleThrottleWaits = c?.ThrottleWaits ?? 0,
                Quarantined = s.IsQuarantined,
                QuarantineReason = s.QuarantineReason,
                QuarantinedSince = s.QuarantinedSince?.UtcDateTime,
                QuarantineDetails = s.QuarantineDetails,
                PendingRetries = s.PendingRetries,
                RetriesDueNow = s.RetriesDueNow,
                NextRetryAt = s.NextRetryAt?.UtcDateTime,
                StagedDeletes = s.StagedDeletes,
                LinkedUsers = s.LinkedUsers,
                LinkedGroups = s.LinkedGroups,
                Waiting = s.Waiting.Select(w => $"{w.DisplayName ?? w.ObjectId}: {w.Reason} since {w.Since.UtcDateTime:yyyy-MM-dd HH:mm}Z — {w.Message}").ToArray(),
                WaitingCount = s.Waiting.Count,
                LastGoodCycle = s.LastGoodCycle == null ? null : $"{s.LastGoodCycle.CycleType} {s.LastGoodCycle.Status}",
                LastGoodCycleStart = s.LastGoodCycle?.StartedAt.UtcDateTime,
                LastFailedCycle = s.LastFailedCycle == null ? null : $"{s.LastFailedCycle.CycleType} {s.LastFailedCycle.Status}",
                LastFailedCycleStart = s.LastFailedCycle?.StartedAt.UtcDateTime,
                LastFailedCycleError = s.LastFailedCycle?.Error,
                StatePath = s.StateLocation,
                LogPath = s.LogLocation,
            };
        }
    }
}
