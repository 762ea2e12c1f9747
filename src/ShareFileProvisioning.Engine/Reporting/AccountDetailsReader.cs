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
    /// read once with Users(id)?$expand=Security, a bounded number at a time: roles, disabled state and last sign-in
    /// in one request. Clients are not read: ShareFile's administrator roles are employee roles, and a client holds no licence.
    /// </summary>
    internal static class AccountDetailsReader
    {
        public static async Task<Dictionary<string, SfUser>> ReadEmployeesAsync(ShareFileClient client, IEnumerable<TargetUser> users, int maxConcurrency, CancellationToken ct)
        {
            var found = new ConcurrentDictionary<string, SfUser>(StringComparer.OrdinalIgnoreCase);
            using (var gate = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
            {
                await Task.WhenAll(users.Where(u => u.IsEmployee && u.Id != null).Select(async u =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        found[u.Id] = await client.GetUserAsync(u.Id, true, ct).ConfigureAwait(false);
                    }
                    catch (ShareFileApiException e) when (e.StatusCode == 404)
                    {
                        // Deleted since the listing: reported from the feed.
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            return new Dictionary<string, SfUser>(found, StringComparer.OrdinalIgnoreCase);
        }

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
