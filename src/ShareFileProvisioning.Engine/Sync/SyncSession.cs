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
    /// the throttle limit. The state (links, retry queue, watermark, history, quarantine) and the log are written as it goes.
    /// </summary>
    public sealed partial class SyncSession : IDisposable
    {
        private readonly SyncRequest _request;
        private readonly IStateStore _state;
        private readonly ISourceWatermarkStore _watermarks;
        private readonly PendingCreateStore _pendingCreates;
        private readonly RetryQueue _retryQueue;
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
        private Action<SyncActionResult> _onResult;

        internal SyncSession(SyncRequest request, IStateStore state, ISourceWatermarkStore watermarks, PendingCreateStore pendingCreates, RetryQueue retryQueue,
            WaitingBook waiting, IStateLock held, ProvisioningPlan plan, DateTimeOffset started, ShareFileClientMetrics startMetrics, Stopwatch watch,
                PlanTimings planning, IEngineTrace trace)
        {
            _request = request;
            _state = state;
            _watermarks = watermarks;
            _pendingCreates = pendingCreates;
            _retryQueue = retryQueue;
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
        /// The cycle runs in named phases — confirm, apply users, apply groups, deprovision — and every way out of them
        /// (success, quarantine, cancellation, a failure mid-cycle) goes through <see cref="FinishAsync"/>.
        /// </summary>
        public async Task<SyncSummary> ExecuteAsync(Func<PlanItem, bool> include, Action<SyncActionResult> onResult, CancellationToken cancellationToken)
        {
            if (_executed) throw new InvalidOperationException("This sync session has already run.");
            _executed = true;
            _onResult = onResult;
            using (var run = await StartAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var confirmed = await ConfirmAsync(run, include).ConfigureAwait(false);
                    await ApplyUsersAsync(run, confirmed.Where(i => !i.IsDeprovisioning && i.ObjectType == PlanObjectType.User).ToList()).ConfigureAwait(false);
                    await ApplyGroupsAsync(run,
                        confirmed.Where(i => !i.IsDeprovisioning && i.ObjectType == PlanObjectType.Group).ToList()).ConfigureAwait(false);
                    await DeprovisionAsync(run, confirmed.Where(i => i.IsDeprovisioning).ToList()).ConfigureAwait(false);
                    run.Guard.Token.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException) when (run.Guard.Tripped || cancellationToken.IsCancellationRequested)
                {
                    run.Cancelled = !run.Guard.Tripped;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    // Unexpected (a full disk, a failing result consumer): keep what was done, keep the watermark, rethrow.
                    run.Fail(e);
                }
                await FinishAsync(run).ConfigureAwait(false);
                run.Fatal?.Throw();
                if (run.Guard.Tripped) throw new SyncQuarantinedException(run.Guard.Reason, run.Guard.Details, run.Summary);
                if (run.Cancelled) throw new OperationCanceledException(cancellationToken);
                return run.Summary;
            }
        }

        /// <summary>The cycle's summary, log, links and guard.</summary>
        private async Task<CycleRun> StartAsync(CancellationToken cancellationToken)
        {
            var summary = new SyncSummary
            {
                ProfileName = _request.Profile.Name, CycleType = Plan.Summary?.CycleType ?? PlanCycleType.Initial, PlanId = Plan.PlanId,
                StartedAt = _started, PlanningTime = _prepared, PlanTimings = _planning, ThresholdExceeded = ThresholdExceeded,
                RetriesExpired = RetriesExpired, FullEvaluationReason = Plan.Summary?.FullReadReason,
            };
            var cycle = ProvisioningCycleContext.Start(_request.Profile.Name, _request.TenantId, summary.CycleType.ToString(),
                _request.Source.ServicePrincipalIdentity,
                _request.Subdomain, _request.Source.Initiator, _started);
            summary.CycleId = cycle.CycleId;
            var links = new LinkJournal(_state, _pendingCreates, await _state.LoadLinksAsync(cancellationToken).ConfigureAwait(false), _request.LinkFlushEvery);
            var users = new UserItemExecutor(_request.ShareFile, _request.Configuration.Deprovisioning?.ReassignToUser, links.LinkedElsewhere);
            var log = await (_request.Logs ?? new FileLogStore(_request.Profile)).BeginCycleAsync(cycle, cancellationToken).ConfigureAwait(false);
            return new CycleRun(summary, cycle, log, new CycleGuard(_request.Configuration.Quarantine, cancellationToken), links, users, _lock);
        }

        /// <summary>
        /// Phase "confirm": link bookkeeping and skips are reported, then each action is confirmed (or declined), staged
        /// above the deletion threshold, or kept to run. Returns the actions to run.
        /// </summary>
        private async Task<List<PlanItem>> ConfirmAsync(CycleRun run, Func<PlanItem, bool> include)
        {
            ApplyBookkeeping(run.Links);
            foreach (var item in Plan.Items) _waiting.Observe(item, _request.Clock);
            foreach (var item in Plan.Items.Where(IsReportedSkip))
                await ReportAsync(run,
                    SyncResults.Of(item, SyncActionStatus.Skipped, code: item.SkipReason.ToString(), message: item.Reason)).ConfigureAwait(false);
            var actions = Actions;
            run.Summary.Planned = actions.Count;
            var confirmed = new List<PlanItem>();
            foreach (var item in actions)
            {
                if (item.SourceId != null) run.Attempted.Add(item.SourceId);
                if (include != null && !include(item))
                {
                    run.Declined++;
                    await ReportAsync(run,
                        SyncResults.Of(item, SyncActionStatus.Skipped, code: "NotConfirmed",
                        message: "Not confirmed: left for a later cycle.")).ConfigureAwait(false);
                }
                else if (WillStage(item))
                {
                    run.Staged.Add(new StagedDelete
                    {
                        SourceId = item.SourceId, TargetId = item.TargetId, ObjectType = LinkType(item), Action = item.Action.ToString(),
                        DisplayName = item.DisplayName, CycleId = run.Cycle.CycleId, StagedAt = _started,
                    });
                    await ReportAsync(run,
                        SyncResults.Of(item, SyncActionStatus.Staged, code: "StagedDelete",
                        message: HeldBackMessage(Plan.Summary.Threshold))).ConfigureAwait(false);
                }
                else
                {
                    confirmed.Add(item);
                }
            }
            return confirmed;
        }

        /// <summary>Phase "apply users": creations (recorded as pending creates first), adoptions and updates.</summary>
        private async Task ApplyUsersAsync(CycleRun run, List<PlanItem> items)
        {
            await RecordPendingCreatesAsync(run, items.Where(i => i.Action == PlanAction.Create).Select(i => new PendingCreate
            {
                SourceId = i.SourceId, Email = i.Desired?.Email ?? i.TargetEmail, DisplayName = i.DisplayName, RecordedAt = DateTimeOffset.UtcNow,
            })).ConfigureAwait(false);
            await RunPhaseAsync(run, items).ConfigureAwait(false);
        }

        /// <summary>Phase "apply groups", once their members exist: the groups themselves, then removals (room under the limit), then additions.</summary>
        private async Task ApplyGroupsAsync(CycleRun run, List<PlanItem> items)
        {
            await RecordPendingCreatesAsync(run, items.Where(i => i.Action == PlanAction.CreateGroup).Select(i => new PendingCreate
            {
                SourceId = i.SourceId, GroupName = i.DisplayName, DisplayName = i.SourceAnchor ?? i.DisplayName, RecordedAt = DateTimeOffset.UtcNow,
            })).ConfigureAwait(false);
            await RunPhaseAsync(run,
                items.Where(i => i.Action != PlanAction.AddMembers && i.Action != PlanAction.RemoveMembers).ToList()).ConfigureAwait(false);
            await RunPhaseAsync(run, items.Where(i => i.Action == PlanAction.RemoveMembers).ToList()).ConfigureAwait(false);
            await RunPhaseAsync(run, items.Where(i => i.Action == PlanAction.AddMembers).ToList()).ConfigureAwait(false);
        }

        /// <summary>Phase "deprovision", after everything else: downgrades in bulk, then disables and deletes.</summary>
        private async Task DeprovisionAsync(CycleRun run, List<PlanItem> items)
        {
            await RunDowngradesAsync(run, items.Where(i => i.Action == PlanAction.DowngradeToClient).ToList()).ConfigureAwait(false);
            await RunPhaseAsync(run, items.Where(i => i.Action != PlanAction.DowngradeToClient).ToList()).ConfigureAwait(false);
        }

        /// <summary>Creates are recorded before they are sent, so a crash or a lost answer is resolved by matching, never re-created.</summary>
        private async Task RecordPendingCreatesAsync(CycleRun run, IEnumerable<PendingCreate> pendingCreates)
        {
            var list = pendingCreates.Where(i => i.SourceId != null).ToList();
            if (list.Count > 0) await _pendingCreates.AddAsync(list, run.Guard.Token).ConfigureAwait(false);
        }

        /// <summary>One result: the retry queue or the waiting list, the log, the summary, the caller, the quarantine guard.</summary>
        private async Task ReportAsync(CycleRun run, SyncActionResult r)
        {
            r.CompletedAt = DateTimeOffset.UtcNow;
            if (r.Status == SyncActionStatus.Success) _retryQueue.Succeed(r.SourceId);
            if (r.Status == SyncActionStatus.Failure && r.SourceId != null) QueueFailure(r);
            await run.Log.WriteAsync(SyncLogRecords.For(run.Cycle, r), CancellationToken.None).ConfigureAwait(false);
            lock (_reportGate)
            {
                SyncResults.Count(run.Summary, r);
                _onResult?.Invoke(r);
            }
            if (r.Status == SyncActionStatus.Success || r.Status == SyncActionStatus.Failure) run.Guard.Record(r.Status == SyncActionStatus.Failure);
        }

        /// <summary>
        /// The end of every cycle: the state first (links, retry queue, waiting list, staged deletes), then the watermark
        /// only if everything it covers is done, then the summary, the history, the log's completion and the notification.
        /// </summary>
        private async Task FinishAsync(CycleRun run)
        {
            await SaveStateAsync(run).ConfigureAwait(false);
            var summary = run.Summary;
            if (run.Guard.Tripped)
            {
                summary.QuarantineReason = run.Guard.Reason;
                run.Error = run.Guard.Details;
            }
            summary.Status = run.Status;
            summary.RetriesQueued = _retryQueue.Count;
            summary.Waiting = _waiting.Count;
            summary.LinkCount = run.Links.Count;
            FillMetrics(summary);
            var quarantine = run.Guard.Tripped ? new QuarantineStatus { Reason = run.Guard.Reason, Since = DateTimeOffset.UtcNow,
                Details = run.Guard.Details } : null;
            await CycleFinisher.RecordAsync(_request, _state, summary, summary.CycleType.ToString(), run.Error, quarantine,
                clearsQuarantine: !run.Cancelled && run.Fatal == null, _trace).ConfigureAwait(false);
            await run.Log.CompleteAsync(new CycleCompletion
            {
                Status = summary.Status, Requests = (int)summary.Requests, Retries = (int)summary.Retries, ThrottleWaits = (int)summary.ThrottledResponses,
                ThrottleWaitTime = summary.ThrottleWaitTotal, QuarantineReason = summary.QuarantineReason, Error = run.Error,
            }, _request.Configuration.LogRetention ?? LogRetentionSettings.Default, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task SaveStateAsync(CycleRun run)
        {
            await run.Links.FlushAsync().ConfigureAwait(false);
            if (!run.Guard.Tripped && !run.Cancelled && run.Fatal == null
                && Plan.Summary?.CycleType != PlanCycleType.Incremental) _retryQueue.DropResolved(run.Attempted);
            await _state.SaveRetryQueueAsync(_retryQueue.Snapshot(), CancellationToken.None).ConfigureAwait(false);
            await _waiting.SaveAsync(_state).ConfigureAwait(false);
            await _state.SaveStagedDeletesAsync(run.Staged, CancellationToken.None).ConfigureAwait(false);
            if (run.Complete && Plan.Basis?.NextWatermark != null && Plan.Basis.SingleObject == null)
            {
                var next = Plan.Basis.NextWatermark;
                await _watermarks.SaveAsync(next, CancellationToken.None).ConfigureAwait(false);
                await _state.SaveDeltaLinksAsync(new DeltaLinks { Users = next.UsersDeltaLink, Groups = next.GroupsDeltaLink,
                    UpdatedAt = DateTimeOffset.UtcNow }, CancellationToken.None).ConfigureAwait(false);
                run.Summary.WatermarkAdvanced = true;
            }
            else if (!run.Complete)
            {
                _trace.Verbose("The source watermark stays where it was: not every change of this cycle was applied.");
            }
        }

        private void FillMetrics(SyncSummary summary)
        {
            var metrics = _request.ShareFile.Metrics;
            summary.Requests = metrics.Requests - _startMetrics.Requests;
            summary.Retries = metrics.Retries - _startMetrics.Retries;
            summary.ThrottledResponses = metrics.ThrottledResponses - _startMetrics.ThrottledResponses;
            summary.ThrottleWaitTotal = metrics.ThrottleWaitTotal - _startMetrics.ThrottleWaitTotal;
            summary.Elapsed = _watch.Elapsed;
        }

        public void Dispose() => _lock.Dispose();

        private static string HeldBackMessage(DeletionThresholdCheck t)
        {
            if (t.SuspiciousSource != null) return $"Held back: {t.SuspiciousSource}.";
            if (t.ShrinkExceeded && t.Deprovisioning <= t.EffectiveLimit)
                return $"Held back: this read takes {t.LeftScope} of {t.ManagedUsers} managed user(s) out of scope, {t.ShrinkLimit}: a shrinking "
                    + "source stages every deprovisioning until deletes are allowed.";
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
                _retryQueue.Fail(r.SourceId, r.Action.ToString(), r.DisplayName, r.ErrorCode, r.ErrorMessage, _request.Clock,
                    r.ObjectType == PlanObjectType.Group ? LinkedObjectType.Group : LinkedObjectType.User);
                return;
            }
            _retryQueue.Succeed(r.SourceId);
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
                    links.Update(item.SourceId, l =>
                    {
                        l.OutOfScopeSince = item.Link.OutOfScopeSince;
                        if (item.Link.ReclaimedAt != null) l.ReclaimedAt = item.Link.ReclaimedAt;
                    });
                    break;
                case PlanLinkChangeKind.Remove:
                    links.Remove(item.SourceId);
                    break;
            }
        }
    }
}
