using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// Runs a provisioning cycle: takes the profile's lock, resolves pending creates a crashed run left, computes the plan
    /// (or checks a saved one is current) and applies exactly that plan (<see cref="SyncSession"/>).
    /// </summary>
    public static class SyncService
    {
        /// <summary>Plans and applies every action; results stream through <paramref name="onResult"/> as they complete.</summary>
        public static async Task<SyncSummary> RunAsync(SyncRequest request, Action<SyncActionResult> onResult, CancellationToken cancellationToken)
        {
            using (var session = await PrepareAsync(request, cancellationToken).ConfigureAwait(false))
                return await session.ExecuteAsync(null, onResult, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Locks the profile and computes (or validates) the plan; nothing is written to ShareFile yet. Dispose the session
        /// to release the lock; call <see cref="SyncSession.ExecuteAsync"/> to apply all or a confirmed subset.
        /// </summary>
        /// <exception cref="StateLockedException">Another sync holds the profile.</exception>
        /// <exception cref="PlanStaleException">The saved plan no longer describes the source, ShareFile, the links or the configuration.</exception>
        public static async Task<SyncSession> PrepareAsync(SyncRequest request, CancellationToken cancellationToken)
        {
            Check(request);
            var start = new CycleStart(request);
            var held = await start.State.AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await SourceBinding.CheckAsync(start.State, request, cancellationToken).ConfigureAwait(false);
                var pendingCreates = new PendingCreateStore(start.State);
                await pendingCreates.LoadAsync(cancellationToken).ConfigureAwait(false);
                await ResolvePendingCreatesAsync(request, start.State, pendingCreates, start.Trace, cancellationToken).ConfigureAwait(false);

                // After the pending creates are resolved (they may add links): read the links once for the planner and the session.
                var shared = new SharedLinksStateStore(start.State, cancellationToken);
                var retryQueue = new RetryQueue(await start.State.LoadRetryQueueAsync(cancellationToken).ConfigureAwait(false), request.EscrowBackoff);
                var waiting = await WaitingBook.LoadAsync(start.State, cancellationToken).ConfigureAwait(false);
                var expired = ExpireRetries(retryQueue, start);
                var computed = await PlanOrRecordAsync(request, start, PlanRequestFor(request, start, shared, retryQueue, waiting),
                    cancellationToken).ConfigureAwait(false);
                return new SyncSession(request, shared, start.Watermarks, pendingCreates, retryQueue, waiting, held, computed.Plan, start.Started,
                    start.StartMetrics, start.Watch, computed.Timings, start.Trace)
                {
                    RetriesExpired = expired,
                };
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }

        /// <summary>What a cycle starts from before its lock: the state, the clock, the client's counters.</summary>
        private sealed class CycleStart
        {
            public CycleStart(SyncRequest request)
            {
                Trace = request.Trace ?? NullEngineTrace.Instance;
                State = request.State ?? new FileStateStore(request.Profile);
                Watermarks = request.Watermarks ?? new StateSourceWatermarkStore(State);
                StartMetrics = request.ShareFile.Metrics;
                Started = request.Clock;
            }

            public IEngineTrace Trace { get; }

            public IStateStore State { get; }

            public ISourceWatermarkStore Watermarks { get; }

            public Http.ShareFileClientMetrics StartMetrics { get; }

            public DateTimeOffset Started { get; }

            public Stopwatch Watch { get; } = Stopwatch.StartNew();
        }

        private static int ExpireRetries(RetryQueue retryQueue, CycleStart start)
        {
            var expired = retryQueue.Expire(start.Started);
            foreach (var e in expired)
                start.Trace.Verbose($"{e.Action} of '{e.DisplayName ?? e.ObjectId}' kept failing for four weeks ({e.LastErrorCode}: "
                    + $"{e.LastErrorMessage}): it is dropped from the retry queue.");
            return expired.Count;
        }

        /// <summary>
        /// The plan request of this cycle. Users due for a retry or waiting are re-read, incremental or not; a group retry
        /// needs a full evaluation. A saved plan is recomputed the way it was computed.
        /// </summary>
        private static PlanRequest PlanRequestFor(SyncRequest request, CycleStart start, IStateStore links, RetryQueue retryQueue, WaitingBook waiting)
        {
            var due = retryQueue.Due(start.Started);
            var dueGroups = due.Count(e => e.ObjectType == LinkedObjectType.Group);
            var saved = request.SavedPlan;
            if (dueGroups > 0 && !request.Full && saved == null)
                start.Trace.Verbose($"{dueGroups} group action(s) are due for a retry: this cycle re-evaluates the whole scope (links kept).");
            return new PlanRequest
            {
                Source = request.Source, ShareFile = request.ShareFile, State = links, Watermarks = start.Watermarks,
                Configuration = request.Configuration, ProfileName = request.Profile.Name, Subdomain = request.Subdomain,
                Now = request.Now, PageSize = request.PageSize, MaxConcurrency = Math.Max(1, request.ThrottleLimit), Trace = start.Trace,
                RevisitUserIds = due.Where(e => e.ObjectType == LinkedObjectType.User).Select(e => e.ObjectId)
                    .Concat(waiting.UserIds).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                Full = saved != null ? saved.Summary?.CycleType == PlanCycleType.Full : request.Full || dueGroups > 0,
                SingleUser = saved != null ? saved.Basis?.SingleObject : request.OnDemand,
                IncludeUnmanaged = saved?.Basis?.IncludesUnmanaged == true,
                Reclaim = saved != null ? saved.Basis?.Reclaim : request.Reclaim,
            };
        }

        /// <summary>
        /// Computes the plan; a cycle that cannot start (sign-in or permission refused, a source or ShareFile out of reach,
        /// a suspicious source) is recorded and rethrown. A saved plan is applied only as the plan computed now, once both
        /// are the same: nothing in the file is trusted.
        /// </summary>
        private static async Task<PlanResult> PlanOrRecordAsync(SyncRequest request, CycleStart start, PlanRequest planRequest,
            CancellationToken cancellationToken)
        {
            PlanResult computed;
            try
            {
                computed = await PlanService.ComputeAsync(planRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (ShareFile.ShareFileAuthenticationException e)
            {
                // Nothing can be written without a token: quarantine, as Entra does on bad target credentials.
                throw await QuarantineAsync(request, start, e, "ShareFile refused the sign-in: ").ConfigureAwait(false);
            }
            catch (Source.SourceException e) when (e is Source.SourceAuthenticationException || e is Source.SourcePermissionException)
            {
                // Entra ID refused the sign-in or a permission: no read of the source can be trusted, so the cycle cannot start.
                throw await QuarantineAsync(request, start, e, "Entra ID refused the read: ").ConfigureAwait(false);
            }
            catch (Exception e) when (CouldNotReach(e))
            {
                await RecordNotStartedAsync(request, start, "Failed", null, SecretRedactor.Redact(e.Message)).ConfigureAwait(false);
                throw;
            }
            foreach (var note in computed.Notes) start.Trace.Verbose(note);
            var suspicious = computed.Plan.Summary?.Threshold?.SuspiciousSource;
            if (suspicious != null && !request.AllowDeletes)
            {
                var message = $"The sync is refused: {suspicious}. Nothing was sent. Check the app's assignments and Test-ProvisioningSource; run "
                    + "Invoke-ShareFileSync -AllowDeletes only if everyone really left.";
                await RecordNotStartedAsync(request, start, "Refused", null, message).ConfigureAwait(false);
                throw new SyncRefusedException("SuspiciousSource", message);
            }
            if (request.SavedPlan != null)
            {
                PlanStaleness.ThrowIfStale(request.SavedPlan, computed.Plan);
                PlanStaleness.AdoptIdentity(request.SavedPlan, computed.Plan);
            }
            return computed;
        }

        /// <summary>Entra's full reset: links, delta links, assignment snapshot, retry queue, pending creates, staged deletes, quarantine.</summary>
        public static async Task ResetStateAsync(Configuration.ProvisioningProfile profile, IStateStore state, CancellationToken cancellationToken)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            state = state ?? new FileStateStore(profile);
            using (await state.AcquireLockAsync(cancellationToken).ConfigureAwait(false))
            {
                await state.ResetAsync(cancellationToken).ConfigureAwait(false);
                await state.SaveStagedDeletesAsync(Array.Empty<StagedDelete>(), cancellationToken).ConfigureAwait(false);
                await state.SaveQuarantineAsync(null, cancellationToken).ConfigureAwait(false);
                await new PendingCreateStore(state).ClearAsync(cancellationToken).ConfigureAwait(false);
                await state.SaveDocumentAsync<SourceWatermark>(StateDocumentName.SourceWatermark, null, cancellationToken).ConfigureAwait(false);
                await state.SaveDocumentAsync<SourceBinding>(StateDocumentName.SourceBinding, null, cancellationToken).ConfigureAwait(false);
                await state.SaveDocumentAsync<System.Collections.Generic.List<WaitingEntry>>(StateDocumentName.Waiting, null,
                    cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>A source or ShareFile that cannot be reached while planning (after the clients' own retries).</summary>
        private static bool CouldNotReach(Exception e) =>
            e is Source.SourceException || e is ShareFile.ShareFileConnectionException || e is ShareFile.ShareFileApiException
            || e is System.Net.Http.HttpRequestException || e is TimeoutException || e is Polly.CircuitBreaker.BrokenCircuitException;

        private static async Task<SyncQuarantinedException> QuarantineAsync(SyncRequest request, CycleStart start, Exception cause, string what)
        {
            var reason = CycleGuard.AuthenticationReason;
            var details = what + SecretRedactor.Redact(cause.Message);
            var summary = await RecordNotStartedAsync(request, start, "Quarantined", reason, details).ConfigureAwait(false);
            return new SyncQuarantinedException(reason, details, summary, cause);
        }

        /// <summary>A cycle that could not start is still a cycle: it ends through the same finisher (history, status, notification).</summary>
        private static async Task<SyncSummary> RecordNotStartedAsync(SyncRequest request, CycleStart start, string status, string reason, string details)
        {
            var summary = new SyncSummary
            {
                CycleId = System.Guid.NewGuid().ToString(), ProfileName = request.Profile.Name, Status = status, StartedAt = start.Started,
                Elapsed = start.Watch.Elapsed, QuarantineReason = reason,
            };
            var quarantine = reason == null ? null : new QuarantineStatus { Reason = reason, Since = DateTimeOffset.UtcNow, Details = details };
            await CycleFinisher.RecordAsync(request, start.State, summary, "Unknown", details, quarantine, clearsQuarantine: false,
                start.Trace).ConfigureAwait(false);
            return summary;
        }

        /// <summary>
        /// A group create whose answer was lost: if exactly one unlinked ShareFile group has the name, it is the one we
        /// created — link it (created by us), so the plan never creates a second group of that name.
        /// </summary>
        private static async Task<bool> ResolvePendingGroupCreatesAsync(SyncRequest request, LinkSet links, List<PendingCreate> pending,
            IEngineTrace trace, CancellationToken ct)
        {
            pending = pending.Where(p => !links.TryGetBySource(p.SourceId, out _)).ToList();
            if (pending.Count == 0) return false;
            var groups = await request.ShareFile.ListGroupsAsync(null, ct).ConfigureAwait(false);
            var changed = false;
            foreach (var p in pending)
            {
                var named = groups.Where(g => string.Equals(g.Name?.Trim(), p.GroupName.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                if (named.Count != 1 || links.TryGetByTarget(named[0].Id, out _)) continue;
                links.Upsert(new ObjectLink
                {
                    SourceId = p.SourceId, TargetId = named[0].Id, ObjectType = LinkedObjectType.Group, DisplayName = p.DisplayName,
                    CreatedByUs = true, LinkedAt = p.RecordedAt,
                });
                changed = true;
                trace.Verbose($"A create of group '{p.GroupName}' from an interrupted or unanswered request reached ShareFile ({named[0].Id}): "
                    + "linked, not re-created.");
            }
            return changed;
        }

        private static void Check(SyncRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.Source == null) throw new ArgumentException("A sync needs a source (Entra ID or pipeline input).", nameof(request));
            if (request.ShareFile == null) throw new ArgumentException("A sync needs a ShareFile connection.", nameof(request));
            if (request.Configuration == null) throw new ArgumentException("A sync needs a provisioning configuration.", nameof(request));
            if (request.Profile == null) throw new ArgumentException("A sync needs a profile (its state and log folders).", nameof(request));
            StoredLinkCheck.Plan(request.SavedPlan, request.Source);
            if (request.ThrottleLimit < 1 || request.ThrottleLimit > SyncDefaults.MaxThrottleLimit)
                throw new ArgumentException($"ThrottleLimit must be between 1 and {SyncDefaults.MaxThrottleLimit}, not {request.ThrottleLimit}.",
                    nameof(request));
        }

        /// <summary>
        /// A create whose outcome a crashed run never learned: if ShareFile has the account, link it now so the plan adopts
        /// (never re-creates) it; if not, the plan creates it as usual.
        /// </summary>
        private static async Task ResolvePendingCreatesAsync(SyncRequest request, IStateStore state, PendingCreateStore pendingCreates,
            IEngineTrace trace, CancellationToken ct)
        {
            var pending = pendingCreates.Pending;
            if (pending.Count == 0) return;
            var links = await state.LoadLinksAsync(ct).ConfigureAwait(false);
            var changed = await ResolvePendingGroupCreatesAsync(request, links, pending.Where(p => p.GroupName != null).ToList(), trace,
                ct).ConfigureAwait(false);
            foreach (var p in pending)
            {
                if (links.TryGetBySource(p.SourceId, out _) || string.IsNullOrWhiteSpace(p.Email)) continue;
                var user = await request.ShareFile.FindUserByEmailAsync(p.Email, false, ct).ConfigureAwait(false);
                if (user == null || links.TryGetByTarget(user.Id, out _)) continue;
                links.Upsert(new ObjectLink
                {
                    SourceId = p.SourceId, TargetId = user.Id, ObjectType = LinkedObjectType.User, DisplayName = p.DisplayName,
                    CreatedByUs = true, LinkedAt = p.RecordedAt,
                });
                changed = true;
                trace.Verbose($"A create of '{p.Email}' from an interrupted run reached ShareFile ({user.Id}): linked, not re-created.");
            }
            if (changed) await state.SaveLinksAsync(links, ct).ConfigureAwait(false);
            await pendingCreates.ClearAsync(ct).ConfigureAwait(false);
        }
    }
}
