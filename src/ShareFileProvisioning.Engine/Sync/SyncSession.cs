using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Http;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// A planned cycle holding the profile's lock. <see cref="ExecuteAsync"/> applies the plan: users' creations and
    /// updates first, then deprovisioning (held back as staged deletes above the threshold), each phase concurrent up to
    /// the throttle limit. The state (links, escrows, watermark, history, quarantine) and the log are written as it goes.
    /// </summary>
    public sealed class SyncSession : IDisposable
    {
        private readonly SyncRequest _request;
        private readonly IStateStore _state;
        private readonly ISourceWatermarkStore _watermarks;
        private readonly PendingCreateStore _intents;
        private readonly EscrowBook _escrows;
        private readonly WaitingBook _waiting;
        private readonly IStateLock _lock;
        private readonly DateTimeOffset _started;
        private readonly ShareFileClientMetrics _startMetrics;
        private readonly Stopwatch _watch;
        private readonly PlanTimings _planning;
        private readonly TimeSpan _prepared;
        private readonly IEngineTrace _trace;
        private readonly object _reportGate = new object();
        private readonly GroupItemExecutor _groups;
        private bool _executed;

        internal SyncSession(SyncRequest request, IStateStore state, ISourceWatermarkStore watermarks, PendingCreateStore intents, EscrowBook escrows,
            WaitingBook waiting, IStateLock held, ProvisioningPlan plan, DateTimeOffset started, ShareFileClientMetrics startMetrics, Stopwatch watch, PlanTimings planning, IEngineTrace trace)
        {
            _request = request;
            _state = state;
            _watermarks = watermarks;
            _intents = intents;
            _escrows = escrows;
            _waiting = waiting;
            _lock = held;
            Plan = plan;
            _started = started;
            _startMetrics = startMetrics;
            _watch = watch;
            _planning = planning;
            _prepared = watch.Elapsed;
            _trace = trace;
            _groups = new GroupItemExecutor(request.ShareFile);
            ThresholdExceeded = plan.Summary?.Threshold?.Exceeded == true && !request.AllowDeletes;
        }

        /// <summary>Retry-queue entries dropped when the cycle was prepared (four weeks of failures).</summary>
        internal int RetriesExpired { get; set; }

        /// <summary>The plan this session applies.</summary>
        public ProvisioningPlan Plan { get; }

        /// <summary>The items that send something to ShareFile, in plan order.</summary>
        public IReadOnlyList<PlanItem> Actions => Plan.Items.Where(i => i.IsExecutable).ToList();

        /// <summary>True when deprovisioning will be staged instead of applied.</summary>
        public bool ThresholdExceeded { get; }

        /// <summary>True when the item will be held back as a staged delete.</summary>
        public bool WillStage(PlanItem item) => ThresholdExceeded && item.IsDeprovisioning;

        /// <summary>
        /// Applies the plan's actions for which <paramref name="include"/> is true (null = all; the others are reported
        /// Skipped and keep the watermark where it was). <paramref name="onResult"/> is called once per action as it
        /// completes, one call at a time. Throws <see cref="SyncQuarantinedException"/> when the cycle stops early.
        /// </summary>
        public async Task<SyncSummary> ExecuteAsync(Func<PlanItem, bool> include, Action<SyncActionResult> onResult, CancellationToken cancellationToken)
        {
            if (_executed) throw new InvalidOperationException("This sync session has already run.");
            _executed = true;
            var summary = new SyncSummary
            {
                CycleId = null, ProfileName = _request.Profile.Name, CycleType = Plan.Summary?.CycleType ?? PlanCycleType.Initial, PlanId = Plan.PlanId,
                StartedAt = _started, PlanningTime = _prepared, PlanTimings = _planning, ThresholdExceeded = ThresholdExceeded,
                RetriesExpired = RetriesExpired, FullEvaluationReason = Plan.Summary?.FullReadReason,
            };
            var logs = _request.Logs ?? new FileLogStore(_request.Profile);
            var cycle = ProvisioningCycleContext.Start(_request.Profile.Name, _request.TenantId, summary.CycleType.ToString(), _request.Source.ServicePrincipalIdentity,
                _request.Subdomain, _request.Source.Initiator, _started);
            summary.CycleId = cycle.CycleId;
            var links = new LinkJournal(_state, _intents, await _state.LoadLinksAsync(cancellationToken).ConfigureAwait(false), _request.LinkFlushEvery);
            var executor = new PlanItemExecutor(_request.ShareFile, _request.Configuration.Deprovisioning?.ReassignToUser, links.LinkedElsewhere);
            var attempted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var staged = new List<StagedDelete>();
            var declined = 0;
            string error = null;
            var cancelled = false;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo fatal = null;

            using (var log = await logs.BeginCycleAsync(cycle, cancellationToken).ConfigureAwait(false))
            using (var guard = new CycleGuard(_request.Configuration.Quarantine, cancellationToken))
            using (_lock.Lost.Register(() => guard.Trip(CycleGuard.LockLostReason,
                "The profile's lock (the state blob's lease) was lost to another job or could not be renewed: no more ShareFile writes are sent by this cycle.")))
            {
                async Task Report(SyncActionResult r)
                {
                    r.CompletedAt = DateTimeOffset.UtcNow;
                    if (r.Status == SyncActionStatus.Success) _escrows.Succeed(r.SourceId);
                    if (r.Status == SyncActionStatus.Failure && r.SourceId != null) QueueFailure(r);
                    await log.WriteAsync(SyncLogRecords.For(cycle, r), CancellationToken.None).ConfigureAwait(false);
                    lock (_reportGate)
                    {
                        Count(summary, r);
                        onResult?.Invoke(r);
                    }
                    if (r.Status == SyncActionStatus.Success || r.Status == SyncActionStatus.Failure) guard.Record(r.Status == SyncActionStatus.Failure);
                }

                try
                {
                    ApplyBookkeeping(links);
                    foreach (var item in Plan.Items) _waiting.Observe(item, _request.Clock);
                    foreach (var item in Plan.Items.Where(IsReportedSkip))
                        await Report(Result(item, SyncActionStatus.Skipped, code: item.SkipReason.ToString(), message: item.Reason)).ConfigureAwait(false);
                    var actions = Actions;
                    summary.Planned = actions.Count;
                    foreach (var a in actions) if (a.SourceId != null) attempted.Add(a.SourceId);
                    var run = new List<PlanItem>();
                    foreach (var item in actions)
                    {
                        if (include != null && !include(item))
                        {
                            declined++;
                            await Report(Result(item, SyncActionStatus.Skipped, code: "NotConfirmed", message: "Not confirmed: left for a later cycle.")).ConfigureAwait(false);
                        }
                        else if (WillStage(item))
                        {
                            staged.Add(new StagedDelete
                            {
                                SourceId = item.SourceId, TargetId = item.TargetId, ObjectType = LinkType(item), Action = item.Action.ToString(),
                                DisplayName = item.DisplayName, CycleId = cycle.CycleId, StagedAt = _started,
                            });
                            await Report(Result(item, SyncActionStatus.Staged, code: "StagedDelete",
                                message: HeldBackMessage(Plan.Summary.Threshold))).ConfigureAwait(false);
                        }
                        else
                        {
                            run.Add(item);
                        }
                    }

                    // Users before memberships, creations and updates before deprovisioning.
                    var provisioning = run.Where(i => !i.IsDeprovisioning && i.ObjectType == PlanObjectType.User).ToList();
                    var groups = run.Where(i => !i.IsDeprovisioning && i.ObjectType == PlanObjectType.Group).ToList();
                    var deprovisioning = run.Where(i => i.IsDeprovisioning).ToList();
                    var creates = provisioning.Where(i => i.Action == PlanAction.Create && i.SourceId != null).ToList();
                    if (creates.Count > 0)
                        await _intents.AddAsync(creates.Select(i => new PendingCreate
                        {
                            SourceId = i.SourceId, Email = i.Desired?.Email ?? i.TargetEmail, DisplayName = i.DisplayName, RecordedAt = DateTimeOffset.UtcNow,
                        }), guard.Token).ConfigureAwait(false);
                    await RunPhaseAsync(provisioning, executor, links, Report, guard).ConfigureAwait(false);
                    var groupCreates = groups.Where(i => i.Action == PlanAction.CreateGroup && i.SourceId != null).ToList();
                    if (groupCreates.Count > 0)
                        await _intents.AddAsync(groupCreates.Select(i => new PendingCreate
                        {
                            SourceId = i.SourceId, GroupName = i.DisplayName, DisplayName = i.SourceAnchor ?? i.DisplayName, RecordedAt = DateTimeOffset.UtcNow,
                        }), guard.Token).ConfigureAwait(false);
                    // Groups once their members exist: the groups themselves, then removals (room under the limit), then additions.
                    await RunPhaseAsync(groups.Where(i => i.Action != PlanAction.AddMembers && i.Action != PlanAction.RemoveMembers).ToList(), executor, links, Report, guard).ConfigureAwait(false);
                    await RunPhaseAsync(groups.Where(i => i.Action == PlanAction.RemoveMembers).ToList(), executor, links, Report, guard).ConfigureAwait(false);
                    await RunPhaseAsync(groups.Where(i => i.Action == PlanAction.AddMembers).ToList(), executor, links, Report, guard).ConfigureAwait(false);
                    await RunDowngradesAsync(deprovisioning.Where(i => i.Action == PlanAction.DowngradeToClient).ToList(), executor, links, Report, guard).ConfigureAwait(false);
                    await RunPhaseAsync(deprovisioning.Where(i => i.Action != PlanAction.DowngradeToClient).ToList(), executor, links, Report, guard).ConfigureAwait(false);
                    guard.Token.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException) when (guard.Tripped || cancellationToken.IsCancellationRequested)
                {
                    cancelled = !guard.Tripped;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // Unexpected (a full disk, a failing result consumer): keep what was done, keep the watermark, rethrow.
                    fatal = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                    error = SecretRedactor.Redact(e.Message);
                }

                // The cycle's end: the state first (links, escrows), then the watermark only if everything it covers is done.
                await links.FlushAsync().ConfigureAwait(false);
                if (!guard.Tripped && !cancelled && fatal == null && Plan.Summary?.CycleType != PlanCycleType.Incremental) _escrows.DropResolved(attempted);
                await _state.SaveRetryQueueAsync(_escrows.Snapshot(), CancellationToken.None).ConfigureAwait(false);
                await _waiting.SaveAsync(_state).ConfigureAwait(false);
                await _state.SaveStagedDeletesAsync(staged, CancellationToken.None).ConfigureAwait(false);
                var complete = !guard.Tripped && !cancelled && fatal == null && declined == 0 && staged.Count == 0;
                if (complete && Plan.Basis?.NextWatermark != null && Plan.Basis.SingleObject == null)
                {
                    var next = Plan.Basis.NextWatermark;
                    await _watermarks.SaveAsync(next, CancellationToken.None).ConfigureAwait(false);
                    await _state.SaveDeltaLinksAsync(new DeltaLinks { Users = next.UsersDeltaLink, Groups = next.GroupsDeltaLink, UpdatedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
                    summary.WatermarkAdvanced = true;
                }
                else if (!complete)
                {
                    _trace.Verbose("The source watermark stays where it was: not every change of this cycle was applied.");
                }

                if (guard.Tripped)
                {
                    summary.QuarantineReason = guard.Reason;
                    error = guard.Details;
                    await _state.SaveQuarantineAsync(new QuarantineStatus { Reason = guard.Reason, Since = DateTimeOffset.UtcNow, Details = guard.Details }, CancellationToken.None).ConfigureAwait(false);
                }
                else if (!cancelled && fatal == null && await _state.LoadQuarantineAsync(CancellationToken.None).ConfigureAwait(false) != null)
                {
                    await _state.SaveQuarantineAsync(null, CancellationToken.None).ConfigureAwait(false);
                    _trace.Verbose("The cycle ran without tripping the quarantine bounds: the quarantine is cleared.");
                }

                summary.Status = guard.Tripped ? "Quarantined" : fatal != null ? "Failed" : cancelled ? "Cancelled" : summary.Failed > 0 ? "CompletedWithFailures" : "Succeeded";
                summary.RetriesQueued = _escrows.Count;
                summary.Waiting = _waiting.Count;
                summary.LinkCount = links.Count;
                var metrics = _request.ShareFile.Metrics;
                summary.Requests = metrics.Requests - _startMetrics.Requests;
                summary.Retries = metrics.Retries - _startMetrics.Retries;
                summary.ThrottledResponses = metrics.ThrottledResponses - _startMetrics.ThrottledResponses;
                summary.ThrottleWaitTotal = metrics.ThrottleWaitTotal - _startMetrics.ThrottleWaitTotal;
                summary.Elapsed = _watch.Elapsed;

                await _state.AppendCycleHistoryAsync(new CycleHistoryEntry
                {
                    CycleId = cycle.CycleId, CycleType = summary.CycleType.ToString(), StartedAt = _started, CompletedAt = DateTimeOffset.UtcNow,
                    Status = summary.Status, Counts = new Dictionary<string, int>(summary.Counts, StringComparer.OrdinalIgnoreCase), Error = error,
                }, SyncDefaults.CycleHistoryKept, CancellationToken.None).ConfigureAwait(false);
                await log.CompleteAsync(new CycleCompletion
                {
                    Status = summary.Status, Requests = (int)summary.Requests, Retries = (int)summary.Retries, ThrottleWaits = (int)summary.ThrottledResponses,
                    ThrottleWaitTime = summary.ThrottleWaitTotal, QuarantineReason = summary.QuarantineReason, Error = error,
                }, _request.Configuration.LogRetention ?? LogRetentionSettings.Default, CancellationToken.None).ConfigureAwait(false);
                await NotifyAsync(summary, error).ConfigureAwait(false);

                fatal?.Throw();
                if (guard.Tripped) throw new SyncQuarantinedException(guard.Reason, guard.Details, summary);
                if (cancelled) throw new OperationCanceledException(cancellationToken);
                return summary;
            }
        }

        public void Dispose() => _lock.Dispose();

        private static string HeldBackMessage(DeletionThresholdCheck t)
        {
            if (t.SuspiciousSource != null) return $"Held back: {t.SuspiciousSource}.";
            if (t.ShrinkExceeded && t.Deprovisioning <= t.EffectiveLimit)
                return $"Held back: this read takes {t.LeftScope} of {t.ManagedUsers} managed user(s) out of scope, {t.ShrinkLimit}: a shrinking source stages every deprovisioning until deletes are allowed.";
            return $"Held back: this cycle deprovisions {t.Deprovisioning} account(s), above the deletion threshold of {t.EffectiveLimit}.";
        }

        /// <summary>Skips and conflicts the admin must hear of (an object already as it should be is not news).</summary>
        private static bool IsReportedSkip(PlanItem item) =>
            (item.Action == PlanAction.Skip && item.SkipReason != SkipReason.NoChange) || item.Action == PlanAction.Conflict;

        /// <summary>A transient failure goes to the retry queue; a permanent one waits for its cause to be fixed and is never retried blindly.</summary>
        private void QueueFailure(SyncActionResult r)
        {
            if (FailureAdvice.IsTransient(r))
            {
                _escrows.Fail(r.SourceId, r.Action.ToString(), r.DisplayName, r.ErrorCode, r.ErrorMessage, _request.Clock,
                    r.ObjectType == PlanObjectType.Group ? LinkedObjectType.Group : LinkedObjectType.User);
                return;
            }
            _escrows.Succeed(r.SourceId);
            _waiting.Fail(r, _request.Clock);
        }

        /// <summary>Link bookkeeping of items that send nothing (e.g. the grace period's start on a skipped user).</summary>
        private void ApplyBookkeeping(LinkJournal links)
        {
            foreach (var item in Plan.Items.Where(i => !i.IsExecutable && i.SourceId != null && i.Link != null))
                ApplyLink(links, item, item.TargetId, false);
        }

        private void ApplyLink(LinkJournal links, PlanItem item, string targetId, bool created)
        {
            switch (item.Link?.Kind ?? PlanLinkChangeKind.None)
            {
                case PlanLinkChangeKind.Add:
                    if (string.IsNullOrEmpty(targetId)) return;
                    links.Upsert(new ObjectLink
                    {
                        SourceId = item.SourceId, TargetId = targetId, ObjectType = LinkType(item), DisplayName = item.DisplayName,
                        MatchedBy = created ? null : item.Link.MatchedBy ?? "email", CreatedByUs = created, LinkedAt = DateTimeOffset.UtcNow,
                        OutOfScopeSince = item.Link.OutOfScopeSince,
                    }, created);
                    break;
                case PlanLinkChangeKind.Update:
                    links.Update(item.SourceId, l => l.OutOfScopeSince = item.Link.OutOfScopeSince);
                    break;
                case PlanLinkChangeKind.Remove:
                    links.Remove(item.SourceId);
                    break;
            }
        }

        private static LinkedObjectType LinkType(PlanItem item) => item.ObjectType == PlanObjectType.Group ? LinkedObjectType.Group : LinkedObjectType.User;

        private async Task RunPhaseAsync(IReadOnlyList<PlanItem> items, PlanItemExecutor executor, LinkJournal links, Func<SyncActionResult, Task> report, CycleGuard guard)
        {
            if (items.Count == 0) return;
            using (var slots = new SemaphoreSlim(_request.ThrottleLimit, _request.ThrottleLimit))
            {
                var tasks = new List<Task>(items.Count);
                foreach (var item in items)
                {
                    try
                    {
                        await slots.WaitAsync(guard.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    tasks.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await RunOneAsync(item, executor, links, report, guard).ConfigureAwait(false);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }));
                }
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
        }

        private async Task RunOneAsync(PlanItem item, PlanItemExecutor executor, LinkJournal links, Func<SyncActionResult, Task> report, CycleGuard guard)
        {
            if (guard.Token.IsCancellationRequested) return;
            var watch = Stopwatch.StartNew();
            SyncActionResult result;
            try
            {
                EnsureManaged(item, links);
                var outcome = item.ObjectType == PlanObjectType.Group
                    ? await _groups.ExecuteAsync(item, links, guard.Token).ConfigureAwait(false)
                    : await executor.ExecuteAsync(item, guard.Token).ConfigureAwait(false);
                ApplyLink(links, item, outcome.TargetId, (item.Action == PlanAction.Create || item.Action == PlanAction.CreateGroup) && !outcome.AdoptedOnConflict);
                if (item.Action == PlanAction.Create && outcome.AdoptedOnConflict)
                    links.Update(item.SourceId, l => { l.CreatedByUs = false; l.MatchedBy = "email (409 Conflict on create)"; });
                result = Result(item, SyncActionStatus.Success, outcome.TargetId);
                result.AdoptedOnConflict = outcome.AdoptedOnConflict;
                result.UnresolvedMembers = outcome.Unresolved;
            }
            catch (OperationCanceledException) when (guard.Token.IsCancellationRequested)
            {
                return;   // outcome unknown: not reported; a create's intent resolves it next run
            }
            catch (Exception e) when (IsActionFailure(e))
            {
                result = Failure(item, e);
                if (e is ShareFileAuthenticationException)
                    guard.Trip(CycleGuard.AuthenticationReason, "ShareFile refused the sign-in: " + SecretRedactor.Redact(e.Message));
            }
            result.Duration = watch.Elapsed;
            await report(result).ConfigureAwait(false);
            if (result.Status == SyncActionStatus.Success && item.Action == PlanAction.Create)
                await MaybeFlush(links).ConfigureAwait(false);
        }

        private int _sinceFlush;

        private Task MaybeFlush(LinkJournal links) =>
            Interlocked.Increment(ref _sinceFlush) % Math.Max(1, _request.LinkFlushEvery) == 0 ? links.FlushAsync() : Task.CompletedTask;

        /// <summary>Employee → client in bulk (≤ 100 per call); then each item's other attributes as a PATCH.</summary>
        private async Task RunDowngradesAsync(List<PlanItem> items, PlanItemExecutor executor, LinkJournal links, Func<SyncActionResult, Task> report, CycleGuard guard)
        {
            if (items.Count == 0) return;
            var withTarget = new List<PlanItem>();
            foreach (var item in items)
            {
                try
                {
                    if (string.IsNullOrWhiteSpace(item.TargetId))
                        throw new SyncActionException("MissingTargetId", $"The plan item for '{item.DisplayName}' has no ShareFile id.");
                    EnsureManaged(item, links);
                    withTarget.Add(item);
                }
                catch (SyncActionException e)
                {
                    await report(Failure(item, e)).ConfigureAwait(false);
                }
            }
            string reassign = null;
            try
            {
                reassign = await executor.ResolveReassignAsync(null, guard.Token).ConfigureAwait(false);
            }
            catch (SyncActionException)
            {
                // A downgrade does not need a reassign target; without one ShareFile keeps the items with the user.
            }
            for (var start = 0; start < withTarget.Count && !guard.Token.IsCancellationRequested; start += ShareFileClient.BulkLimit)
            {
                var chunk = withTarget.Skip(start).Take(ShareFileClient.BulkLimit).ToList();
                var watch = Stopwatch.StartNew();
                Exception failure = null;
                try
                {
                    await _request.ShareFile.DowngradeEmployeesAsync(chunk.Select(i => i.TargetId), reassign, reassign, guard.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (guard.Token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (IsActionFailure(e))
                {
                    failure = e;
                    if (e is ShareFileAuthenticationException) guard.Trip(CycleGuard.AuthenticationReason, "ShareFile refused the sign-in: " + SecretRedactor.Redact(e.Message));
                }
                var batchTime = watch.Elapsed;
                if (failure != null)
                {
                    foreach (var item in chunk)
                    {
                        var r = Failure(item, failure);
                        r.Duration = batchTime;
                        await report(r).ConfigureAwait(false);
                    }
                    continue;
                }
                // The remaining attributes (e.g. disabled while waiting for the grace period) go out per user.
                await RunPhaseAsync(chunk, executor, links, report, guard).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Defence in depth: only a create, an adoption or a re-link may address a ShareFile account that is not linked
        /// to the item's source object; anything else would change an account this module does not manage.
        /// </summary>
        private static void EnsureManaged(PlanItem item, LinkJournal links)
        {
            if (item.Action == PlanAction.Create || item.Action == PlanAction.Adopt || item.Action == PlanAction.CreateGroup || item.Action == PlanAction.AdoptGroup
                || item.Link?.Kind == PlanLinkChangeKind.Add) return;
            if (item.SourceId != null && links.TryGet(item.SourceId, out var link) && string.Equals(link.TargetId, item.TargetId, StringComparison.OrdinalIgnoreCase)) return;
            throw new SyncActionException("NotManaged",
                $"ShareFile account {item.TargetEmail ?? item.TargetId} is not linked to source object {item.SourceAnchor ?? item.SourceId}: accounts this module does not manage are never changed.");
        }

        private static bool IsActionFailure(Exception e) =>
            e is ShareFileApiException || e is ShareFileConnectionException || e is ShareFileAuthenticationException || e is SyncActionException
            || e is Polly.CircuitBreaker.BrokenCircuitException || e is TimeoutException || e is System.Net.Http.HttpRequestException;

        private static SyncActionResult Failure(PlanItem item, Exception e)
        {
            var r = Result(item, SyncActionStatus.Failure, item.TargetId);
            r.Exception = e;
            r.ErrorMessage = SecretRedactor.Redact(e.Message);
            switch (e)
            {
                case ShareFileApiException api:
                    r.HttpStatus = api.StatusCode;
                    r.ErrorCode = api.StatusCode == 429 ? "TooManyRequests" : api.Reason != ShareFileErrorReason.Unspecified ? api.Reason.ToString() : api.Code ?? "HttpError" + api.StatusCode;
                    break;
                case SyncActionException action:
                    r.ErrorCode = action.Code;
                    break;
                case ShareFileAuthenticationException _:
                    r.ErrorCode = "AuthenticationFailed";
                    break;
                default:
                    r.ErrorCode = "ConnectionFailed";
                    break;
            }
            return r;
        }

        private static SyncActionResult Result(PlanItem item, SyncActionStatus status, string targetId = null, string code = null, string message = null) => new SyncActionResult
        {
            ChangeId = item.ChangeId, Action = item.Action, ObjectType = item.ObjectType, SourceId = item.SourceId, SourceAnchor = item.SourceAnchor,
            DisplayName = item.DisplayName, Email = item.Desired?.Email ?? item.TargetEmail, Status = status, ShareFileId = targetId ?? item.TargetId,
            ErrorCode = code, ErrorMessage = message, Item = item,
        };

        private static void Count(SyncSummary summary, SyncActionResult r)
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

        private async Task NotifyAsync(SyncSummary summary, string error)
        {
            if (_request.Notifications == null) return;
            try
            {
                var sent = await _request.Notifications.NotifyAsync(new CycleOutcome
                {
                    ProfileName = summary.ProfileName, CycleId = summary.CycleId, CycleType = summary.CycleType.ToString(),
                    QuarantineReason = summary.QuarantineReason, QuarantineDetails = error, StagedDeletes = summary.Staged,
                    Failures = summary.Failed, Actions = summary.Succeeded + summary.Failed,
                }, CancellationToken.None).ConfigureAwait(false);
                foreach (var n in sent)
                    _trace.Verbose($"Notification '{n.Condition}': {n.Disposition}" + (n.Error != null ? " — " + n.Error : "") + ".");
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // A mail that cannot go out must not undo a cycle that ran; the admin sees it in the verbose stream.
                _trace.Verbose("The cycle's notification could not be sent: " + SecretRedactor.Redact(e.Message));
            }
        }
    }
}
