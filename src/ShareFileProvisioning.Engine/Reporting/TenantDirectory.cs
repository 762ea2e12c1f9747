using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Graph;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// Finds the Entra users behind ShareFile emails that the app's scope does not explain, in the fewest Graph
    /// requests (docs/account-report.md): the first page of a tenant read asks for @odata.count; when the rest of the
    /// tenant takes fewer pages than `mail in (…)` and `userPrincipalName in (…)` lookups of 15 values each, the tenant
    /// is read whole, else the emails are looked up; a plan that listed the whole tenant already is reused. Soft-deleted
    /// users come from directory/deletedItems.
    /// </summary>
    internal static class TenantDirectory
    {
        public const int ValuesPerFilter = 15;
        private static readonly string[] Select = { "id", "userPrincipalName", "mail", "accountEnabled" };

        public sealed class Result
        {
            public Dictionary<string, TenantUser> ByEmail = EmailKeys.NewIndex<TenantUser>();
            public string Strategy;
        }

        /// <param name="listing">The plan's listing of the whole tenant, when it made one: then the tenant is not read again.</param>
        public static async Task<Result> FindAsync(GraphGateway graph, IReadOnlyCollection<string> emails, TenantListing listing, int maxConcurrency, CancellationToken ct)
        {
            var result = new Result();
            if (emails.Count == 0) return result;
            if (listing != null && listing.IsComplete)
            {
                foreach (var u in listing.Users) EmailKeys.Index(result.ByEmail, u, u.UserPrincipalName, u.Mail);
                result.Strategy = "PagedTenantRead";
            }
            else await ReadTenantAsync(graph, emails, result, maxConcurrency, ct).ConfigureAwait(false);
            foreach (var u in await graph.ListDeletedUsersAsync(Select, ct).ConfigureAwait(false)) Add(result.ByEmail, u, true);
            return result;
        }

        private static async Task ReadTenantAsync(GraphGateway graph, IReadOnlyCollection<string> emails, Result result, int maxConcurrency, CancellationToken ct)
        {
            var lookups = LookupRequests(emails.Count);
            var users = await graph.ListUsersAsync(Select, null, count =>
            {
                var rest = count == null ? long.MaxValue : (count.Value + GraphGateway.PageSize - 1) / GraphGateway.PageSize - 1;
                result.Strategy = rest <= lookups ? "PagedTenantRead" : "EmailLookups";
                return rest <= lookups;
            }, ct).ConfigureAwait(false);
            foreach (var u in users) Add(result.ByEmail, u, false);
            if (result.Strategy == "EmailLookups")
            {
                var missing = emails.Where(e => !result.ByEmail.ContainsKey(e)).ToList();
                foreach (var u in await LookUpAsync(graph.Client, missing, maxConcurrency, ct).ConfigureAwait(false)) Add(result.ByEmail, u, false);
            }
        }

        /// <summary>Two filtered reads (mail, userPrincipalName) per 15 emails.</summary>
        public static long LookupRequests(int emails) => 2L * ((emails + ValuesPerFilter - 1) / ValuesPerFilter);

        private static void Add(Dictionary<string, TenantUser> index, User u, bool deleted) =>
            EmailKeys.Index(index, new TenantUser { Id = u.Id, UserPrincipalName = u.UserPrincipalName, Mail = u.Mail, AccountEnabled = u.AccountEnabled ?? true, SoftDeleted = deleted },
                u.UserPrincipalName, u.Mail);

        private static async Task<List<User>> LookUpAsync(GraphServiceClient client, List<string> emails, int maxConcurrency, CancellationToken ct)
        {
            var chunks = Enumerable.Range(0, (emails.Count + ValuesPerFilter - 1) / ValuesPerFilter)
                .Select(i => emails.Skip(i * ValuesPerFilter).Take(ValuesPerFilter).ToList()).ToList();
            var found = new List<User>();
            using (var gate = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
            {
                var reads = chunks.SelectMany(c => new[] { "mail", "userPrincipalName" }.Select(async property =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        var filter = property + " in (" + string.Join(",", c.Select(e => "'" + e.Replace("'", "''") + "'")) + ")";
                        var page = await GraphCall.Run("looking up users by email", GraphPermissions.UserReadAll, () =>
                            client.Users.GetAsync(rc => { rc.QueryParameters.Select = Select; rc.QueryParameters.Filter = filter; }, ct)).ConfigureAwait(false);
                        lock (found) found.AddRange(page?.Value ?? new List<User>());
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ToList();
                await Task.WhenAll(reads).ConfigureAwait(false);
            }
            return found;
        }
    }
}
