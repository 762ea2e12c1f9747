using System.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning
{
    /// <summary>Engine scope DTOs → the module's public output types.</summary>
    internal static class SourceOutputMapper
    {
        public const string SystemName = "Entra ID";

        public static ConnectionCheck ToCheck(ConnectionCheckResult result) => new ConnectionCheck
        {
            System = SystemName,
            Check = result.Name,
            Status = (ConnectionCheckStatus)System.Enum.Parse(typeof(ConnectionCheckStatus), result.Status.ToString()),
            Message = result.Message,
            Detail = result.Detail,
        };

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
                InScope = reasons.Length > 0,
                IsSoftDeleted = u.IsSoftDeleted,
                AccountEnabled = u.AccountEnabled,
                Reasons = reasons,
                Reason = Join(reasons),
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
                Reasons = reasons,
                Reason = reasons.Length > 0 ? Join(reasons) : string.Join(" ", e.Notes),
                Notes = e.Notes.ToArray(),
            };
        }

        private static string Join(ProvisioningScopeReason[] reasons) => string.Join("; ", reasons.Select(r => r.ToString()));
    }
}
