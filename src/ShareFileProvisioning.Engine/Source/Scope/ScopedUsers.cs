using System.Collections.Generic;
using Microsoft.Graph.Models;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    internal static class ScopedUsers
    {
        /// <summary>IsSoftDeleted per Entra: not in scope (no reasons), soft-deleted, or accountEnabled false.</summary>
        public static ScopedUser From(User user, List<ScopeReason> reasons, bool softDeleted = false)
        {
            var enabled = user.AccountEnabled ?? true;
            var attributes = UserAttributes.ToSourceObject(user);
            reasons = reasons ?? new List<ScopeReason>();
            attributes.IsSoftDeleted = reasons.Count == 0 || softDeleted || !enabled;
            return new ScopedUser
            {
                Id = user.Id,
                // Shown on consoles and in logs: never with a raw control, bidirectional or zero-width character.
                UserPrincipalName = Configuration.UnsafeText.Neutralize(user.UserPrincipalName),
                DisplayName = Configuration.UnsafeText.Neutralize(user.DisplayName),
                AccountEnabled = enabled,
                Attributes = attributes,
                Reasons = reasons,
            };
        }
    }
}
