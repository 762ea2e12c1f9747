using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// Initial cycle: delta links from now, assignments, direct members of assigned groups, then the in-scope users'
    /// attributes with exactly the selected properties.
    /// </summary>
    internal sealed class FullScopeReader
    {
        internal static readonly string[] GroupDeltaSelect = { "displayName", "members" };

        private readonly GraphGateway _graph;
        private readonly ServicePrincipalInfo _sp;

        public FullScopeReader(GraphGateway graph, ServicePrincipalInfo sp)
        {
            _graph = graph;
            _sp = sp;
        }

        public async Task<SourceReadResult> ReadAsync(SourceReadOptions options, bool withWatermark, CancellationToken ct)
        {
            var trace = options.Trace ?? NullEngineTrace.Instance;
            var progress = PlanProgressCounter.For(trace, PlanStage.ReadingSource);
            var select = UserSelect.Build(options.Attributes);

            // Links first: a change made while we read is then replayed next cycle instead of lost.
            string usersLink = null, groupsLink = null;
            if (withWatermark)
            {
                usersLink = await _graph.LatestDeltaLinkAsync("users", select, ct).ConfigureAwait(false);
                groupsLink = await _graph.LatestDeltaLinkAsync("groups", GroupDeltaSelect, ct).ConfigureAwait(false);
            }

            var assignments = await _graph.ListAssignmentsAsync(_sp, ct, progress.AssignmentPage).ConfigureAwait(false);
            var groups = await ReadGroupsAsync(_graph, assignments, ScopeCalculator.AssignedGroupIds(assignments), options.MaxConcurrency, ct).ConfigureAwait(false);
            var reasons = ScopeCalculator.UserReasons(assignments, groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase));
            trace.Verbose($"{assignments.Count} assignments of '{_sp.DisplayName}': {groups.Count} groups, {reasons.Count} users in scope.");

            var users = await new UserFetcher(_graph, trace, progress).FetchAsync(reasons.Keys, select, options.MaxConcurrency, ct, options.TenantListing).ConfigureAwait(false);
            progress.Finish();
            var result = new SourceReadResult { IsFullRead = true, Groups = groups, AssignmentCount = assignments.Count };
            foreach (var pair in reasons)
            {
                if (users.TryGetValue(pair.Key, out var user)) result.Users.Add(ScopedUsers.From(user, pair.Value));
                else
                {
                    // Unknown, not out of scope: a failed or lagging read must never deprovision anyone.
                    result.UnknownUserIds.Add(pair.Key);
                    trace.Verbose($"Assigned user {pair.Key} was not returned by Graph (deleted, or the assignment list lags): unknown this cycle, nothing is changed for it.");
                }
            }

            if (withWatermark)
            {
                result.Watermark = new SourceWatermark
                {
                    UsersDeltaLink = usersLink,
                    GroupsDeltaLink = groupsLink,
                    Assignments = assignments,
                    Groups = groups,
                    DisabledUserIds = result.Users.Where(u => !u.AccountEnabled).Select(u => u.Id).ToList(),
                    Attributes = select,
                };
            }

            return result;
        }

        /// <summary>Direct members of each group through Graph $batch; a group whose read failed fails the read, naming it.</summary>
        internal static async Task<List<ScopedGroup>> ReadGroupsAsync(GraphGateway graph, List<ScopeAssignment> assignments, IEnumerable<string> groupIds, int maxConcurrency, CancellationToken ct)
        {
            var ids = groupIds.ToList();
            var reads = await graph.ListDirectMembersAsync(ids, maxConcurrency, ct).ConfigureAwait(false);
            var failed = ids.Select(id => reads[id].Error).FirstOrDefault(e => e != null);
            if (failed != null) throw failed;
            return ids.Select(id => new ScopedGroup
            {
                Id = id,
                DisplayName = ScopeCalculator.GroupDisplayName(assignments, id),
                Reasons = ScopeCalculator.GroupReasons(assignments, id),
                MemberUserIds = reads[id].Users,
                NestedGroupIds = reads[id].Groups,
            }).ToList();
        }
    }
}
