using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Accounts a sync must never harm (docs/safety.md): the signed-in administrator and every account holding an
    /// admin role are never disabled, downgraded or deleted. Feeds carry no roles, so the roles are read, in bounded
    /// concurrent requests, for exactly the accounts a plan would harm; a plan that harms an administrator is decided
    /// again with those accounts protected. The roles come from the plan's shared account reads (AccountDetailsReads).
    /// </summary>
    internal static class AdminProtection
    {
        /// <summary>Roles that make an account an administrator (the connection test's required roles and the super-user roles).</summary>
        public static readonly IReadOnlyCollection<string> AdminRoles = new[]
        {
            "AdminManageEmployees", "CanManageUsers", "AdminSharedDistGroups", "AdminCreateSharedGroups", "AdminSuperGroup", "SuperUser", "MasterAdmin",
        };

        /// <summary>IsAdministrator, one of <see cref="AdminRoles"/>, or any other Admin… role.</summary>
        public static bool IsAdministrator(SfUser user) =>
            user != null && (user.IsAdministrator == true || AdminRoles.Any(user.HasRole)
                             || (user.Roles ?? new string[0]).Any(r => r != null && r.StartsWith("Admin", StringComparison.OrdinalIgnoreCase)));

        /// <summary>Items that would disable, downgrade or delete an account, or take away its employee type.</summary>
        public static bool Harms(PlanItem item) =>
            item.ObjectType == PlanObjectType.User && item.TargetId != null
            && (item.IsDeprovisioning || item.Desired?.Enabled == false || item.Desired?.UserType == UserKind.Client);

        /// <summary>The ids, among the accounts the plan harms, that belong to administrators (the signed-in one always does).</summary>
        public static async Task<ISet<string>> FindAsync(ProvisioningPlan plan, AccountDetailsReads reads, string signedInId, CancellationToken ct)
        {
            var found = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            var candidates = plan.Items.Where(Harms).Select(i => i.TargetId).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(id => !string.Equals(id, signedInId, StringComparison.OrdinalIgnoreCase)).ToList();
            await Task.WhenAll(candidates.Select(async id =>
            {
                try
                {
                    if ((await reads.ReadAsync(id, ct).ConfigureAwait(false)).IsAdministrator) found[id] = true;
                }
                catch (ShareFileApiException e) when (e.StatusCode == 404)
                {
                    // Gone since the feed was read: the sync reports it when it gets there.
                }
            })).ConfigureAwait(false);
            var result = new HashSet<string>(found.Keys, StringComparer.OrdinalIgnoreCase);
            if (signedInId != null) result.Add(signedInId);
            return result;
        }
    }
}
