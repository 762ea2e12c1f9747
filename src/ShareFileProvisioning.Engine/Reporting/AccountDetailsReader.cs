using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// Feeds carry no roles (and may carry no IsDisabled/LastAnyLogin: docs/sharefile-api.md), so every employee is
    /// read once with Users(id)?$expand=Security: roles, disabled state and last sign-in in one request. The reads are
    /// the plan's shared ones, so an account the plan read (state lookup, administrator check) is not read again, and
    /// its answer is used too.
    /// Clients are not read: ShareFile's administrator roles are employee roles, and a client holds no licence.
    /// </summary>
    internal static class AccountDetailsReader
    {
        /// <summary>Reads the employees <paramref name="needsRoles"/> picks; their answers are then in <see cref="AccountDetailsReads.Answered"/>.</summary>
        public static Task ReadEmployeesAsync(AccountDetailsReads reads, IReadOnlyCollection<TargetUser> users, Func<TargetUser, bool> needsRoles, CancellationToken ct) =>
            Task.WhenAll(users.Where(u => u.IsEmployee && u.Id != null && needsRoles(u)).Select(async u =>
            {
                try
                {
                    await reads.ReadAsync(u.Id, ct).ConfigureAwait(false);
                }
                catch (ShareFileApiException e) when (e.StatusCode == 404)
                {
                    // Deleted since the listing: reported from the feed.
                }
            }));

        /// <summary>Group names by owner id, from one Groups listing (Owner expanded: the feed leaves it out otherwise).</summary>
        public static async Task<Dictionary<string, List<string>>> GroupsByOwnerAsync(ShareFileClient client, int? pageSize, CancellationToken ct)
        {
            var byOwner = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var g in await client.ListGroupsAsync(pageSize, true, ct).ConfigureAwait(false))
            {
                if (g.Owner?.Id == null) continue;
                if (!byOwner.TryGetValue(g.Owner.Id, out var names)) byOwner[g.Owner.Id] = names = new List<string>();
                names.Add(g.Name);
            }
            return byOwner;
        }
    }
}
