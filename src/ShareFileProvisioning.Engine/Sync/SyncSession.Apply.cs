using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>How the phases send their actions: concurrent up to the throttle limit, each result reported once.</summary>
    public sealed partial class SyncSession
    {
        private static LinkedObjectType LinkType(PlanItem item) => item.ObjectType == PlanObjectType.Group ? LinkedObjectType.Group : LinkedObjectType.User;

        private async Task RunPhaseAsync(CycleRun run, IReadOnlyList<PlanItem> items)
        {
            if (items.Count == 0) return;
            using (var slots = new SemaphoreSlim(_request.ThrottleLimit, _request.ThrottleLimit))
            {
                var tasks = new List<Task>(items.Count);
                foreach (var item in items)
                {
                    try
                    {
                        await slots.WaitAsync(run.Guard.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    tasks.Add(Task.Run(async () =>
                    {
                        try
                        {
                            await RunOneAsync(run, item).ConfigureAwait(false);
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

        private async Task RunOneAsync(CycleRun run, PlanItem item)
        {
            if (run.Guard.Token.IsCancellationRequested) return;
            var token = run.Guard.ActionToken;   // once sent, an action finishes unless the cycle trips
            var watch = Stopwatch.StartNew();
            SyncActionResult result;
            try
            {
                EnsureManaged(item, run.Links);
                var outcome = item.ObjectType == PlanObjectType.Group
                    ? await _groups.ExecuteAsync(item, run.Links, token).ConfigureAwait(false)
                    : await run.Users.ExecuteAsync(item, token).ConfigureAwait(false);
                ApplyLink(run.Links, item, outcome.TargetId, (item.Action == PlanAction.Create || item.Action == PlanAction.CreateGroup)
                    && !outcome.AdoptedOnConflict);
                if (item.Action == PlanAction.Create && outcome.AdoptedOnConflict)
                    run.Links.Update(item.SourceId, l => { l.CreatedByUs = false; l.MatchedBy = "email (409 Conflict on create)"; });
                result = SyncResults.Of(item, SyncActionStatus.Success, outcome.TargetId);
                result.AdoptedOnConflict = outcome.AdoptedOnConflict;
                result.UnresolvedMembers = outcome.Unresolved;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;   // outcome unknown: not reported; a create's pending record resolves it next run
            }
            catch (Exception e) when (SyncResults.IsActionFailure(e))
            {
                result = SyncResults.Failure(item, e);
                TripOnSignInFailure(run, e);
            }
            result.Duration = watch.Elapsed;
            await ReportAsync(run, result).ConfigureAwait(false);
            if (result.Status == SyncActionStatus.Success && item.Action == PlanAction.Create) await run.Links.FlushIfDueAsync().ConfigureAwait(false);
        }

        private static void TripOnSignInFailure(CycleRun run, Exception e)
        {
            if (e is ShareFileAuthenticationException)
                run.Guard.Trip(CycleGuard.AuthenticationReason, "ShareFile refused the sign-in: " + SecretRedactor.Redact(e.Message));
        }

        /// <summary>Employee → client in bulk (≤ 100 per call); then each item's other attributes as a PATCH.</summary>
        private async Task RunDowngradesAsync(CycleRun run, List<PlanItem> items)
        {
            if (items.Count == 0) return;
            var withTarget = await ManagedTargetsAsync(run, items).ConfigureAwait(false);
            var reassign = await DowngradeReassignTargetAsync(run).ConfigureAwait(false);
            for (var start = 0; start < withTarget.Count && !run.Guard.Token.IsCancellationRequested; start += ShareFileClient.BulkLimit)
            {
                var chunk = withTarget.Skip(start).Take(ShareFileClient.BulkLimit).ToList();
                var watch = Stopwatch.StartNew();
                Exception failure = null;
                try
                {
                    await _request.ShareFile.DowngradeEmployeesAsync(chunk.Select(i => i.TargetId), reassign, reassign, run.Guard.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (run.Guard.Token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (SyncResults.IsActionFailure(e))
                {
                    failure = e;
                    TripOnSignInFailure(run, e);
                }
                if (failure == null)
                {
                    // The remaining attributes (e.g. disabled while waiting for the grace period) go out per user.
                    await RunPhaseAsync(run, chunk).ConfigureAwait(false);
                    continue;
                }
                foreach (var item in chunk)
                {
                    var r = SyncResults.Failure(item, failure);
                    r.Duration = watch.Elapsed;
                    await ReportAsync(run, r).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The downgrade items that name a ShareFile account this module manages; the others are reported as failures.</summary>
        private async Task<List<PlanItem>> ManagedTargetsAsync(CycleRun run, List<PlanItem> items)
        {
            var withTarget = new List<PlanItem>();
            foreach (var item in items)
            {
                try
                {
                    if (string.IsNullOrWhiteSpace(item.TargetId))
                        throw new SyncActionException("MissingTargetId", $"The plan item for '{item.DisplayName}' has no ShareFile id.");
                    EnsureManaged(item, run.Links);
                    withTarget.Add(item);
                }
                catch (SyncActionException e)
                {
                    await ReportAsync(run, SyncResults.Failure(item, e)).ConfigureAwait(false);
                }
            }
            return withTarget;
        }

        private static async Task<string> DowngradeReassignTargetAsync(CycleRun run)
        {
            try
            {
                return await run.Users.ResolveReassignAsync(null, run.Guard.Token).ConfigureAwait(false);
            }
            catch (SyncActionException)
            {
                return null;   // a downgrade does not need a reassign target; without one ShareFile keeps the items with the user
            }
        }

        /// <summary>
        /// Defence in depth: only a create, an adoption, a re-link or an explicit unmanaged licence reclaim may address a
        /// ShareFile account that is not linked to the item's source object.
        /// </summary>
        private void EnsureManaged(PlanItem item, LinkJournal links)
        {
            if (item.Action == PlanAction.Create || item.Action == PlanAction.Adopt || item.Action == PlanAction.CreateGroup
                || item.Action == PlanAction.AdoptGroup
                || item.Link?.Kind == PlanLinkChangeKind.Add) return;
            // A licence reclaim asked for explicitly with -IncludeUnmanaged (the plan is the one computed now, not a file's).
            if (item.SourceId == null && item.Reclaim != null && Plan.Basis?.Reclaim?.IncludeUnmanaged == true) return;
            if (item.SourceId != null && links.TryGet(item.SourceId, out var link)
                && string.Equals(link.TargetId, item.TargetId, StringComparison.OrdinalIgnoreCase)) return;
            throw new SyncActionException("NotManaged",
                $"ShareFile account {item.TargetEmail ?? item.TargetId} is not linked to source object {item.SourceAnchor ?? item.SourceId}: "
                    + "accounts this module does not manage are never changed.");
        }
    }
}
