using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// Entra's assignment scope (docs/lifecycle.md, 'Scope'): users assigned directly plus DIRECT user members of assigned
    /// groups; nested groups are not expanded; every role counts, the default (all-zero) role included. One reason per
    /// assignment that reaches a user, so a user assigned directly and through a group carries both.
    /// </summary>
    internal static class ScopeCalculator
    {
        private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

        public static Dictionary<string, List<ScopeReason>> UserReasons(
            IEnumerable<ScopeAssignment> assignments, IReadOnlyDictionary<string, ScopedGroup> groups)
        {
            var result = new Dictionary<string, List<ScopeReason>>(StringComparer.OrdinalIgnoreCase);
            void Add(string userId, ScopeReason reason)
            {
                if (!result.TryGetValue(userId, out var list)) result[userId] = list = new List<ScopeReason>();
                list.Add(reason);
            }

            foreach (var a in assignments)
            {
                if (string.Equals(a.PrincipalType, "User", StringComparison.OrdinalIgnoreCase))
                {
                    Add(a.PrincipalId, new ScopeReason { Kind = ScopeReasonKind.AssignedDirectly, AppRoleId = a.AppRoleId, AppRoleName = a.AppRoleName });
                }
                else if (string.Equals(a.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase) && groups.TryGetValue(a.PrincipalId, out var group))
                {
                    foreach (var member in group.MemberUserIds)
                        Add(member, new ScopeReason
                        {
                            Kind = ScopeReasonKind.AssignedViaGroup, GroupId = group.Id, GroupDisplayName = group.DisplayName,
                            AppRoleId = a.AppRoleId, AppRoleName = a.AppRoleName,
                        });
                }
            }

            return result;
        }

        /// <summary>Assigned group ids in assignment order (a group with two roles appears once).</summary>
        public static List<string> AssignedGroupIds(IEnumerable<ScopeAssignment> assignments) =>
            assignments.Where(a => string.Equals(a.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase))
                .Select(a => a.PrincipalId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        public static List<ScopeReason> GroupReasons(IEnumerable<ScopeAssignment> assignments, string groupId) =>
            assignments.Where(a => string.Equals(a.PrincipalType, "Group", StringComparison.OrdinalIgnoreCase)
                                   && string.Equals(a.PrincipalId, groupId, StringComparison.OrdinalIgnoreCase))
                .Select(a => new ScopeReason { Kind = ScopeReasonKind.GroupAssigned, AppRoleId = a.AppRoleId, AppRoleName = a.AppRoleName })
                .ToList();

        public static string GroupDisplayName(IEnumerable<ScopeAssignment> assignments, string groupId) =>
            assignments.FirstOrDefault(a => string.Equals(a.PrincipalId, groupId, StringComparison.OrdinalIgnoreCase))?.PrincipalDisplayName;

        /// <summary>Same reasons (kind, group, role), ignoring order.</summary>
        public static bool SameReasons(List<ScopeReason> a, List<ScopeReason> b)
        {
            // One reason each is the common case (every assigned user, every cycle): compared without building keys.
            if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
            if (a?.Count == 1) return a[0].Kind == b[0].Kind && Ids.Equals(a[0].GroupId, b[0].GroupId) && Ids.Equals(a[0].AppRoleId, b[0].AppRoleId);
            string Key(ScopeReason r) => $"{r.Kind}|{r.GroupId}|{r.AppRoleId}".ToLowerInvariant();
            var x = (a ?? new List<ScopeReason>()).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
            var y = (b ?? new List<ScopeReason>()).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
            return x.SequenceEqual(y);
        }
    }
}
