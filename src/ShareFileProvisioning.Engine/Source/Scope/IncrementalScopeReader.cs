using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph.Models;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// Incremental cycle: users/delta and groups/delta from the stored links, a re-list of appRoleAssignedTo (no delta
    /// exists for it) diffed against the snapshot, and a by-id read only for users that entered scope without
    /// appearing in the users delta. Throws <see cref="DeltaExpiredException"/> when a link is no longer valid.
    /// </summary>
    internal sealed class IncrementalScopeReader
    {
        private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

        private readonly GraphGateway _graph;
        private readonly ServicePrincipalInfo _sp;

        public IncrementalScopeReader(GraphGateway graph, ServicePrincipalInfo sp)
        {
            _graph = graph;
            _sp = sp;
        }

        public async Task<SourceReadResult> ReadAsync(SourceWatermark wm, SourceReadOptions options, CancellationToken ct)
        {
            var trace = options.Trace ?? NullEngineTrace.Instance;
            var progress = PlanProgressCounter.For(trace, PlanStage.ReadingSource);
            var select = UserSelect.Build(options.Attributes);

            // The three reads are independent; the assignment re-list (one page per 999) dominates, so the deltas ride along.
            var usersRead = _graph.ReadUsersDeltaAsync(wm.UsersDeltaLink, ct);
            var groupsRead = _graph.ReadGroupsDeltaAsync(wm.GroupsDeltaLink, ct);
            var assignmentsRead = _graph.ListAssignmentsAsync(_sp, ct, progress.AssignmentPage);
            await Task.WhenAll(usersRead, groupsRead, assignmentsRead).ConfigureAwait(false);
            var (deltaUsers, usersLink) = await usersRead.ConfigureAwait(false);
            var (deltaGroups, groupsLink) = await groupsRead.ConfigureAwait(false);
            var assignments = await assignmentsRead.ConfigureAwait(false);

            // Users: the last occurrence wins (replays happen).
            var changedUsers = new Dictionary<string, User>(Ids);
            foreach (var u in deltaUsers) changedUsers[u.Id] = u;
            string Removed(string id) => changedUsers.TryGetValue(id, out var u) ? UserAttributes.RemovedReason(u.AdditionalData) : null;

            var oldGroups = (wm.Groups ?? new List<ScopedGroup>()).ToDictionary(g => g.Id, Ids);
            var newGroups = await NewGroupsAsync(assignments, oldGroups, deltaGroups, options.MaxConcurrency, ct).ConfigureAwait(false);
            var oldReasons = ScopeCalculator.UserReasons(wm.Assignments ?? new List<ScopeAssignment>(), oldGroups);
            var newReasons = ScopeCalculator.UserReasons(assignments, newGroups);
            var oldDisabled = new HashSet<string>(wm.DisabledUserIds ?? new List<string>(), Ids);
            var softDeleted = new HashSet<string>(wm.SoftDeletedUserIds ?? new List<string>(), Ids);

            // Attributes for users now in scope that the delta did not return and that are new to scope or whose reasons changed.
            var revisit = new HashSet<string>(options.RevisitUserIds ?? new string[0], Ids);
            var toFetch = newReasons.Keys.Where(id => !changedUsers.ContainsKey(id)
                && (revisit.Contains(id) || !oldReasons.TryGetValue(id, out var before) || !ScopeCalculator.SameReasons(before, newReasons[id]))).ToList();
            var fetched = await new UserFetcher(_graph, trace, progress).FetchAsync(toFetch, select, options.MaxConcurrency, ct).ConfigureAwait(false);
            progress.Finish();

            var result = new SourceReadResult { IsFullRead = false, AssignmentCount = assignments.Count };
            var disabledNow = new HashSet<string>(Ids);
            foreach (var id in oldReasons.Keys.Union(newReasons.Keys, Ids).Union(softDeleted.Where(changedUsers.ContainsKey), Ids).ToList())
            {
                var removed = Removed(id);
                var current = removed == null ? (changedUsers.TryGetValue(id, out var c) ? c : fetched.TryGetValue(id, out var f) ? f : null) : null;
                var enabled = current != null ? current.AccountEnabled ?? true : !oldDisabled.Contains(id);
                oldReasons.TryGetValue(id, out var before);
                newReasons.TryGetValue(id, out var now);
                var wasActive = before != null && !oldDisabled.Contains(id);
                var isActive = now != null && removed == null && enabled && (current != null || before != null);
                if (now != null && removed == null && !enabled) disabledNow.Add(id);

                var user = current != null ? ScopedUsers.From(current, now) : null;
                if (removed == "deleted" && (before != null || softDeleted.Contains(id)))
                {
                    softDeleted.Remove(id);
                    result.UserChanges.Add(Left(id, LeftScopeReason.HardDeleted, user, before));
                    continue;
                }

                if (removed == "changed" && before != null) softDeleted.Add(id);
                if (removed == null && current != null) softDeleted.Remove(id);

                // Losing every assignment (or a soft delete) is reported even for a disabled user: Entra stops
                // managing an unassigned object, so the planner must hear of it.
                var lost = before != null && (now == null || removed == "changed");
                if (lost || (wasActive && !isActive))
                {
                    var reason = removed == "changed" ? LeftScopeReason.SoftDeleted
                        : now == null ? UnassignedOrRemoved(before, assignments)
                        : LeftScopeReason.Disabled;
                    result.UserChanges.Add(Left(id, reason, user, before));
                }
                else if (!wasActive && isActive && user != null)
                {
                    result.UserChanges.Add(new UserScopeChange { UserId = id, Kind = ScopeChangeKind.Entered, User = user, AttributesChanged = true });
                    result.Users.Add(user);
                }
                else if (wasActive && isActive && (changedUsers.ContainsKey(id) || revisit.Contains(id) || !ScopeCalculator.SameReasons(before, now)))
                {
                    result.UserChanges.Add(new UserScopeChange { UserId = id, Kind = ScopeChangeKind.Changed, User = user, AttributesChanged = changedUsers.ContainsKey(id) });
                    if (user != null) result.Users.Add(user);
                }
            }

            result.GroupChanges = GroupChanges(oldGroups, newGroups, deltaGroups);
            result.Groups = newGroups.Values.ToList();
            result.Watermark = new SourceWatermark
            {
                UsersDeltaLink = usersLink,
                GroupsDeltaLink = groupsLink,
                Assignments = assignments,
                Groups = newGroups.Values.ToList(),
                DisabledUserIds = newReasons.Keys.Where(id => disabledNow.Contains(id) || (oldDisabled.Contains(id) && !changedUsers.ContainsKey(id) && !fetched.ContainsKey(id))).ToList(),
                SoftDeletedUserIds = softDeleted.ToList(),
                Attributes = select,
            };
            trace.Verbose($"Incremental read: {deltaUsers.Count} user and {deltaGroups.Count} group changes in the delta; " +
                          $"{result.UserChanges.Count(c => c.Kind == ScopeChangeKind.Entered)} entered, {result.UserChanges.Count(c => c.Kind == ScopeChangeKind.Left)} left, " +
                          $"{result.UserChanges.Count(c => c.Kind == ScopeChangeKind.Changed)} changed.");
            return result;
        }

        private static UserScopeChange Left(string id, LeftScopeReason reason, ScopedUser user, List<ScopeReason> before)
        {
            if (user != null) user.Attributes.IsSoftDeleted = true;
            return new UserScopeChange { UserId = id, Kind = ScopeChangeKind.Left, LeftReason = reason, User = user ?? new ScopedUser { Id = id, Reasons = new List<ScopeReason>() } };
        }

        /// <summary>Lost every reason: Unassigned if a direct assignment or an assigning group's assignment went; else removed from the group.</summary>
        private static LeftScopeReason UnassignedOrRemoved(List<ScopeReason> before, List<ScopeAssignment> assignments)
        {
            var stillAssignedGroups = new HashSet<string>(ScopeCalculator.AssignedGroupIds(assignments), Ids);
            return before.Any(r => r.Kind == ScopeReasonKind.AssignedDirectly) || before.Any(r => r.GroupId != null && !stillAssignedGroups.Contains(r.GroupId))
                ? LeftScopeReason.Unassigned
                : LeftScopeReason.RemovedFromGroup;
        }

        /// <summary>Members of the groups assigned now: known groups advanced by members@delta, newly assigned ones listed.</summary>
        private async Task<Dictionary<string, ScopedGroup>> NewGroupsAsync(List<ScopeAssignment> assignments, Dictionary<string, ScopedGroup> oldGroups,
            List<Group> deltaGroups, int maxConcurrency, CancellationToken ct)
        {
            var result = new Dictionary<string, ScopedGroup>(Ids);
            var toList = new List<string>();
            foreach (var id in ScopeCalculator.AssignedGroupIds(assignments))
            {
                if (!oldGroups.TryGetValue(id, out var old))
                {
                    toList.Add(id);
                    continue;
                }

                var users = new List<string>(old.MemberUserIds);
                var nested = new List<string>(old.NestedGroupIds);
                var name = ScopeCalculator.GroupDisplayName(assignments, id) ?? old.DisplayName;
                // One group may span pages with partial member lists: apply every occurrence in order.
                foreach (var g in deltaGroups.Where(g => Ids.Equals(g.Id, id)))
                {
                    if (g.DisplayName != null) name = g.DisplayName;
                    foreach (var (memberId, isGroup, removed) in UserAttributes.MembersDelta(g.AdditionalData))
                    {
                        var list = isGroup ? nested : users;
                        list.RemoveAll(m => Ids.Equals(m, memberId));
                        if (!removed) list.Add(memberId);
                    }
                }

                result[id] = new ScopedGroup { Id = id, DisplayName = name, Reasons = ScopeCalculator.GroupReasons(assignments, id), MemberUserIds = users, NestedGroupIds = nested };
            }

            foreach (var g in await FullScopeReader.ReadGroupsAsync(_graph, assignments, toList, maxConcurrency, ct).ConfigureAwait(false))
                result[g.Id] = g;
            return result;
        }

        private static List<GroupScopeChange> GroupChanges(Dictionary<string, ScopedGroup> oldGroups, Dictionary<string, ScopedGroup> newGroups, List<Group> deltaGroups)
        {
            var changes = new List<GroupScopeChange>();
            foreach (var old in oldGroups.Values.Where(g => !newGroups.ContainsKey(g.Id)))
            {
                var deleted = deltaGroups.Any(g => Ids.Equals(g.Id, old.Id) && UserAttributes.RemovedReason(g.AdditionalData) != null);
                changes.Add(new GroupScopeChange { GroupId = old.Id, Kind = ScopeChangeKind.Left, Group = old, Deleted = deleted, RemovedMemberIds = old.MemberUserIds.Concat(old.NestedGroupIds).ToList() });
            }

            foreach (var now in newGroups.Values)
            {
                var members = now.MemberUserIds.Concat(now.NestedGroupIds).ToList();
                if (!oldGroups.TryGetValue(now.Id, out var old))
                {
                    changes.Add(new GroupScopeChange { GroupId = now.Id, Kind = ScopeChangeKind.Entered, Group = now, AddedMemberIds = members });
                    continue;
                }

                var before = old.MemberUserIds.Concat(old.NestedGroupIds).ToList();
                var added = members.Except(before, Ids).ToList();
                var removed = before.Except(members, Ids).ToList();
                if (added.Count > 0 || removed.Count > 0 || !string.Equals(old.DisplayName, now.DisplayName, StringComparison.Ordinal)
                    || !ScopeCalculator.SameReasons(old.Reasons, now.Reasons))
                    changes.Add(new GroupScopeChange { GroupId = now.Id, Kind = ScopeChangeKind.Changed, Group = now, AddedMemberIds = added, RemovedMemberIds = removed });
            }

            return changes;
        }
    }
}
