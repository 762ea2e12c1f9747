using System;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>Sync results: made from a plan item or a failure, and counted in the cycle summary.</summary>
    internal static class SyncResults
    {
        public static SyncActionResult Of(PlanItem item, SyncActionStatus status, string targetId = null, string code = null, string message = null) => new SyncActionResult
        {
            ChangeId = item.ChangeId, Action = item.Action, ObjectType = item.ObjectType, SourceId = item.SourceId, SourceAnchor = item.SourceAnchor,
            DisplayName = item.DisplayName, Email = item.Desired?.Email ?? item.TargetEmail, Status = status, ShareFileId = targetId ?? item.TargetId,
            ErrorCode = code, ErrorMessage = message, Item = item,
        };

        /// <summary>Failures that belong to one action (the cycle goes on); anything else stops the cycle.</summary>
        public static bool IsActionFailure(Exception e) =>
            e is ShareFileApiException || e is ShareFileConnectionException || e is ShareFileAuthenticationException || e is SyncActionException
            || e is Polly.CircuitBreaker.BrokenCircuitException || e is TimeoutException || e is System.Net.Http.HttpRequestException;

        public static SyncActionResult Failure(PlanItem item, Exception e)
        {
            var r = Of(item, SyncActionStatus.Failure, item.TargetId);
            r.Exception = e;
            r.ErrorMessage = SecretRedactor.Redact(e.Message);
            r.ErrorCode = CodeOf(e);
            if (e is ShareFileApiException api) r.HttpStatus = api.StatusCode;
            return r;
        }

        private static string CodeOf(Exception e)
        {
            switch (e)
            {
                case ShareFileApiException api:
                    return api.StatusCode == 429 ? "TooManyRequests" : api.Reason != ShareFileErrorReason.Unspecified ? api.Reason.ToString() : api.Code ?? "HttpError" + api.StatusCode;
                case SyncActionException action: return action.Code;
                case ShareFileAuthenticationException _: return "AuthenticationFailed";
                default: return "ConnectionFailed";
            }
        }

        public static void Count(SyncSummary summary, SyncActionResult r)
        {
            switch (r.Status)
            {
                case SyncActionStatus.Success: summary.Succeeded++; break;
                case SyncActionStatus.Failure: summary.Failed++; break;
                case SyncActionStatus.Staged: summary.Staged++; break;
                default: summary.Skipped++; break;
            }
            if (r.Status == SyncActionStatus.Skipped && r.ErrorCode != null)
                summary.SkipReasons[r.ErrorCode] = summary.SkipReasons.TryGetValue(r.ErrorCode, out var skips) ? skips + 1 : 1;
            var key = r.Action + "/" + r.Status;
            summary.Counts[key] = summary.Counts.TryGetValue(key, out var n) ? n + 1 : 1;
        }
    }
}
