using System.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning
{
    /// <summary>Engine scope DTOs → the module's public output types.</summary>
    internal static class SourceOutputMapper
    {
        public const string SystemName = "Entra ID";

        public static ConnectionCheck ToCheck(ConnectionCheckResult result) => OutputMapper.ToCheck(result, SystemName);

        public static ProvisioningScopeReason ToReason(ScopeReason r) => new ProvisioningScopeReason
        {
            Kind = r.Kind.ToString(),
            GroupId = r.GroupId,
            GroupDisplayName = r.GroupDisplayName,
            AppRoleId = r.AppRoleId,
            AppRoleName = r.AppRoleName,
        };

        public static ProvisioningScopeEntry ToEntry(ScopedUser u)
        {
            var reasons = u.Reasons.Select(ToReason).ToArray();
            return new ProvisioningScopeEntry
            {
                ObjectType = "User",
                ObjectId = u.Id,
                Name = u.UserPrincipalName ?? u.Id,
                DisplayName = u.DisplayName,
                InScope = u.InScope,
                IsSoftDeleted = u.IsSoftDeleted,
                AccountEnabled = u.AccountEnabled,
                Reasons = reasons,
                Reason = Join(reasons) + (u.IsFilteredOut ? "; " + u.Filter.Explain() : string.Empty),
                Notes = u.AccountEnabled ? new string[0] : new[] { "The account is disabled: the ShareFile user is disabled (or never created)." },
            };
        }

        public static ProvisioningScopeEntry ToEntry(ScopedGroup g)
        {
            var reasons = g.Reasons.Select(ToReason).ToArray();
            return new ProvisioningScopeEntry
            {
                ObjectType = "Group",
                ObjectId = g.Id,
                Name = g.DisplayName ?? g.Id,
                DisplayName = g.DisplayName,
                InScope = true,
                Reasons = reasons,
                Reason = Join(reasons) + $"; {g.MemberUserIds.Count} direct user members" + (g.NestedGroupIds.Count > 0 ? $", {g.NestedGroupIds.Count} nested groups not expanded" : string.Empty),
                MemberIds = g.MemberUserIds.ToArray(),
                NestedGroupIds = g.NestedGroupIds.ToArray(),
            };
        }

        public static ProvisioningScopeEntry ToEntry(ScopeExplanation e)
        {
            var reasons = e.Reasons.Select(ToReason).ToArray();
            return new ProvisioningScopeEntry
            {
                ObjectType = e.ObjectType ?? string.Empty,
                ObjectId = e.ObjectId,
                Name = e.Name ?? e.Query,
                DisplayName = e.DisplayName,
                InScope = e.InScope,
                IsSoftDeleted = e.ObjectType == "User" && e.IsSoftDeleted,
                AccountEnabled = e.AccountEnabled,
                Reasons = reasons,
                Reason = reasons.Length > 0 ? Join(reasons) + (e.FilteredOut ? "; filtered out by the scoping filters" : string.Empty) : string.Join(" ", e.Notes),
                Notes = e.Notes.ToArray(),
                FilteredOut = e.FilteredOut,
                ScopingClauses = e.ScopingClauses.Select(ToVerdict).ToArray(),
            };
        }

        public static ProvisioningScopingVerdict ToVerdict(Engine.Mapping.Scoping.ScopingClauseVerdict v) => new ProvisioningScopingVerdict
        {
            FilterIndex = v.FilterIndex, ClauseIndex = v.ClauseIndex, Attribute = v.Attribute, Operator = v.Operator, Value = v.Value,
            ActualValue = v.ActualValue, Result = v.Result, Text = v.ToString(),
        };

        private static string Join(ProvisioningScopeReason[] reasons) => string.Join("; ", reasons.Select(r => r.ToString()));
    }
}
