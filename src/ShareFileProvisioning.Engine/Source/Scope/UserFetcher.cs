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
    /// Reads the attributes of a set of users in the fewest requests: `$filter=id in (…)` batches (15 ids each: nothing
    /// public states Graph's cap on `in` values, see docs/graph-api.md) when the set is small against the tenant; otherwise the whole tenant list in pages of
    /// 999, keeping the wanted ids. The first tenant page carries @odata.count, which decides.
    /// </summary>
    internal sealed class UserFetcher
    {
        public const int IdsPerFilter = 15;

        private readonly GraphGateway _graph;
        private readonly IEngineTrace _trace;
        private readonly PlanProgressCounter _progress;

        public UserFetcher(GraphGateway graph, IEngineTrace trace, PlanProgressCounter progress = null)
        {
            _graph = graph;
            _trace = trace ?? NullEngineTrace.Instance;
            _progress = progress ?? PlanProgressCounter.For(null, PlanStage.ReadingSource);
        }

        /// <param name="listing">When the whole tenant is listed, every user goes here too (the account report's tenant); may be null.</param>
        public async Task<Dictionary<string, User>> FetchAsync(ICollection<string> ids, IReadOnlyCollection<string> select, int maxConcurrency,
            CancellationToken ct, TenantListing listing = null)
        {
            var found = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
            if (ids.Count == 0) return found;
            var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            var batches = (wanted.Count + IdsPerFilter - 1) / IdsPerFilter;
            if (batches > 1)
            {
                var listWholeTenant = false;
                var firstPage = await _graph.ListUsersAsync(select, null, count =>
                {
                    var listPages = count.HasValue ? (int)((count.Value + GraphGateway.PageSize - 1) / GraphGateway.PageSize) : int.MaxValue;
                    listWholeTenant = listPages <= batches;
                    _trace.Verbose($"{wanted.Count} users to read from a tenant of {count?.ToString() ?? "unknown size"}: " +
                                   (listWholeTenant ? $"listing the tenant ({listPages} pages)." : $"by id ({batches} filtered requests)."));
                    return listWholeTenant;
                }, ct, Listed(Counted(wanted), listing)).ConfigureAwait(false);
                foreach (var u in firstPage.Where(u => wanted.Contains(u.Id))) found[u.Id] = u;
                if (listWholeTenant && select.Contains("mail", StringComparer.OrdinalIgnoreCase)) listing?.Complete();
                if (listWholeTenant) return found;
            }

            var remaining = wanted.Where(i => !found.ContainsKey(i)).ToList();
            var chunks = Enumerable.Range(0, (remaining.Count + IdsPerFilter - 1) / IdsPerFilter)
                .Select(i => remaining.Skip(i * IdsPerFilter).Take(IdsPerFilter).ToList()).ToList();
            var pages = await Bounded.SelectAsync(chunks, maxConcurrency, chunk => _graph.ListUsersAsync(select, chunk, null, ct, Counted(wanted)),
                ct).ConfigureAwait(false);
            foreach (var u in pages.SelectMany(p => p)) found[u.Id] = u;
            return found;
        }

        private static Action<List<User>> Listed(Action<List<User>> counted, TenantListing listing) =>
            listing == null ? counted : page =>
            {
                counted?.Invoke(page);
                listing.Add(page);
            };

        /// <summary>Progress counts the wanted users a page brought, not the rest of a tenant listing.</summary>
        private Action<List<User>> Counted(HashSet<string> wanted) =>
            _progress.IsActive ? page => _progress.UserPage(page.Count(u => u.Id != null && wanted.Contains(u.Id))) : (Action<List<User>>)null;
    }
}
