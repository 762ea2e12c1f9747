using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Reads what the planner needs from ShareFile: every employee and client (paged listings, for full plans), or
    /// only the linked and matching users (by id and by email, for incremental and single-user plans), plus the
    /// licence cap and strict-employee settings.
    /// </summary>
    public static class ShareFileTargetReader
    {
        /// <summary>Accounts/Employees, Accounts/Clients, Accounts and Accounts/Preferences, concurrently.</summary>
        public static async Task<TargetSnapshot> ReadAllAsync(ShareFileClient client, int? pageSize, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            var before = client.Metrics.Requests;
            var progress = PlanProgressCounter.For(client.Trace, PlanStage.ReadingShareFile);
            var employees = client.ListEmployeesAsync(pageSize, cancellationToken, progress.Account);
            var clients = client.ListClientsAsync(pageSize, cancellationToken, progress.Account);
            var account = client.GetAccountAsync(cancellationToken);
            var preferences = client.GetAccountPreferencesAsync(cancellationToken);
            await Task.WhenAll(employees, clients, account, preferences).ConfigureAwait(false);
            progress.Finish();

            var snapshot = Snapshot(await account.ConfigureAwait(false), await preferences.ConfigureAwait(false));
            snapshot.IsComplete = true;
            var e = await employees.ConfigureAwait(false);
            var c = await clients.ConfigureAwait(false);
            snapshot.Users = new List<TargetUser>(e.Count + c.Count);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var contact in e) if (seen.Add(contact.Id)) snapshot.Users.Add(From(contact, true));
            foreach (var contact in c) if (seen.Add(contact.Id)) snapshot.Users.Add(From(contact, false));
            // The listing is the truth for licences held: disabled employees are listed and hold one.
            snapshot.EmployeeCount = e.Count;
            snapshot.RequestCount = client.Metrics.Requests - before;
            return snapshot;
        }

        /// <summary>Users(id) for each id and Users?emailaddress= for each email (missing ones are left out), at most <paramref name="maxConcurrency"/> at once.</summary>
        public static async Task<TargetSnapshot> ReadSomeAsync(ShareFileClient client, IEnumerable<string> ids, IEnumerable<string> emails, int maxConcurrency, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            var before = client.Metrics.Requests;
            var progress = PlanProgressCounter.For(client.Trace, PlanStage.ReadingShareFile);
            var account = client.GetAccountAsync(cancellationToken);
            var preferences = client.GetAccountPreferencesAsync(cancellationToken);
            var found = new ConcurrentDictionary<string, TargetUser>(StringComparer.OrdinalIgnoreCase);
            var gate = new SemaphoreSlim(Math.Max(1, maxConcurrency));

            async Task Fetch(Func<Task<SfUser>> read)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var user = await read().ConfigureAwait(false);
                    if (user?.Id != null) found[user.Id] = From(user);
                    progress.Account();
                }
                finally
                {
                    gate.Release();
                }
            }

            var reads = new List<Task>();
            foreach (var id in (ids ?? Enumerable.Empty<string>()).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.OrdinalIgnoreCase))
                reads.Add(Fetch(() => GetOrNullAsync(client, id, cancellationToken)));
            foreach (var email in (emails ?? Enumerable.Empty<string>()).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
                reads.Add(Fetch(() => client.FindUserByEmailAsync(email, true, cancellationToken)));
            await Task.WhenAll(reads.Concat(new Task[] { account, preferences })).ConfigureAwait(false);
            progress.Finish();

            var snapshot = Snapshot(await account.ConfigureAwait(false), await preferences.ConfigureAwait(false));
            snapshot.Users = found.Values.OrderBy(u => u.Id, StringComparer.OrdinalIgnoreCase).ToList();
            snapshot.RequestCount = client.Metrics.Requests - before;
            return snapshot;
        }

        private static async Task<SfUser> GetOrNullAsync(ShareFileClient client, string id, CancellationToken cancellationToken)
        {
            try
            {
                return await client.GetUserAsync(id, true, cancellationToken).ConfigureAwait(false);
            }
            catch (ShareFileApiException e) when (e.StatusCode == 404)
            {
                return null;
            }
        }

        private static TargetSnapshot Snapshot(SfAccount account, SfAccountPreferences preferences) => new TargetSnapshot
        {
            UserMax = account?.UserMax ?? account?.UserUsage?.EmployeeMax,
            EmployeeCount = account?.UserUsage?.EmployeeCount,
            UseStrictEmployeeDefinition = preferences?.UseStrictEmployeeDefinition ?? false,
            EmployeeEmailDomains = preferences?.EmployeeEmailDomains?.ToList() ?? new List<string>(),
        };

        internal static TargetUser From(SfContact c, bool employee) => new TargetUser
        {
            Id = c.Id, Email = c.Email, FirstName = c.FirstName, LastName = c.LastName, Company = c.Company,
            IsEmployee = employee, IsDisabled = c.IsDisabled ?? false, IsDisabledKnown = c.IsDisabled.HasValue, LastAnyLogin = c.LastAnyLogin,
            CreatedDate = c.CreatedDate,
        };

        internal static TargetUser From(SfUser u) => new TargetUser
        {
            Id = u.Id, Email = u.Email, FirstName = u.FirstName, LastName = u.LastName, Company = u.Company,
            IsEmployee = u.IsEmployee, IsDisabled = u.IsDisabled, LastAnyLogin = u.Security?.LastAnyLogin,
        };
    }
}
