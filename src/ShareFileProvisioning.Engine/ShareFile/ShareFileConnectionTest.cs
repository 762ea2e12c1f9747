using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// The connection test (docs/sharefile-api.md, 'The connection test'): host, token, signed-in administrator and each required role by name,
    /// licences, strict-employee settings, list access. Each check yields a <see cref="ConnectionCheckResult"/>;
    /// checks that depend on a failed one are Skipped. Only cancellation escapes as an exception.
    /// </summary>
    public sealed class ShareFileConnectionTest
    {
        public static readonly IReadOnlyList<string> UserProvisioningRoles = new[] { "AdminManageEmployees", "CanManageUsers" };

        public static readonly IReadOnlyList<string> GroupProvisioningRoles = new[] { "AdminSharedDistGroups", "AdminCreateSharedGroups" };

        private readonly ShareFileClient _client;
        private readonly ShareFileConnectionSettings _settings;
        private readonly bool _includeGroups;

        /// <param name="client">A client, connected or not; the test signs in through it.</param>
        /// <param name="includeGroups">Also require the group roles and group list access.</param>
        public ShareFileConnectionTest(ShareFileClient client, bool includeGroups)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _settings = client.Settings;
            _includeGroups = includeGroups;
        }

        public async Task<IReadOnlyList<ConnectionCheckResult>> RunAsync(CancellationToken cancellationToken)
        {
            var results = new List<ConnectionCheckResult>();
            var roles = UserProvisioningRoles.Concat(_includeGroups ? GroupProvisioningRoles : Enumerable.Empty<string>()).ToList();

            var connected = await CheckTokenAsync(results, cancellationToken).ConfigureAwait(false);
            SfUser user = null;
            if (connected)
            {
                user = await CheckAdminAsync(results, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                results.Add(Skip(ConnectionCheckNames.AdminUser));
            }

            foreach (var role in roles)
            {
                results.Add(user == null ? Skip(ConnectionCheckNames.RolePrefix + role) : CheckRole(user, role));
            }

            if (user != null)
            {
                results.Add(await RunCheckAsync(ConnectionCheckNames.Licences, CheckLicencesAsync, cancellationToken).ConfigureAwait(false));
                results.Add(await RunCheckAsync(ConnectionCheckNames.EmployeeSettings, CheckPreferencesAsync, cancellationToken).ConfigureAwait(false));
                results.Add(await RunCheckAsync(ConnectionCheckNames.EmployeeListAccess,
                    ct => CheckListAsync("Accounts/Employees?$top=1", "employees", ct), cancellationToken).ConfigureAwait(false));
                if (_includeGroups)
                {
                    results.Add(await RunCheckAsync(ConnectionCheckNames.GroupListAccess,
                        ct => CheckListAsync("Groups?$top=1", "distribution groups", ct), cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                results.Add(Skip(ConnectionCheckNames.Licences));
                results.Add(Skip(ConnectionCheckNames.EmployeeSettings));
                results.Add(Skip(ConnectionCheckNames.EmployeeListAccess));
                if (_includeGroups)
                {
                    results.Add(Skip(ConnectionCheckNames.GroupListAccess));
                }
            }

            results.Add(Overall(results));
            return results;
        }

        private async Task<bool> CheckTokenAsync(List<ConnectionCheckResult> results, CancellationToken cancellationToken)
        {
            try
            {
                var session = await _client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                results.Add(Pass(ConnectionCheckNames.HostReachable, $"Reached {session.TokenUri.GetLeftPart(UriPartial.Authority)}."));
                results.Add(Pass(
                    ConnectionCheckNames.TokenObtained,
                    $"Signed in as {_settings.Username} on subdomain '{session.Subdomain}'; API at {session.ApiBaseUri}.",
                    $"Token expires {session.TokenExpiresUtc:u}; admin_users={session.AdminUsers}, admin_accounts={session.AdminAccounts}."));
                return true;
            }
            catch (ShareFileConnectionException ex)
            {
                results.Add(Fail(ConnectionCheckNames.HostReachable, ex.Message, ex.InnerException?.GetType().Name));
                results.Add(Skip(ConnectionCheckNames.TokenObtained));
                return false;
            }
            catch (ShareFileAuthenticationException ex)
            {
                results.Add(Pass(ConnectionCheckNames.HostReachable, "The token endpoint answered."));
                results.Add(Fail(ConnectionCheckNames.TokenObtained, ex.Message,
                    $"HTTP {ex.StatusCode}; OAuth error {ex.OAuthError ?? "none"}; failure {ex.Failure}."));
                return false;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                results.Add(Fail(ConnectionCheckNames.HostReachable, ex.Message, ex.GetType().Name));
                results.Add(Skip(ConnectionCheckNames.TokenObtained));
                return false;
            }
        }

        private async Task<SfUser> CheckAdminAsync(List<ConnectionCheckResult> results, CancellationToken cancellationToken)
        {
            SfUser user;
            try
            {
                user = await _client.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                results.Add(Fail(ConnectionCheckNames.AdminUser, $"Could not read the signed-in user (GET Users): {ex.Message}", Detail(ex)));
                return null;
            }

            if (user == null || !user.IsEmployee)
            {
                results.Add(Fail(
                    ConnectionCheckNames.AdminUser,
                    $"'{_settings.Username}' is a client user, not an employee (AccountUser). Sign in with an employee administrator account.",
                    $"odata.type {user?.ODataType ?? "none"}; roles {string.Join(", ", user?.Roles ?? Array.Empty<string>())}."));
            }
            else
            {
                results.Add(Pass(ConnectionCheckNames.AdminUser, $"'{user.Email}' is an employee (AccountUser).", $"Roles: {string.Join(", ", user.Roles)}."));
            }

            // Roles are still reported one by one, so the administrator sees everything to fix at once.
            return user;
        }

        private ConnectionCheckResult CheckRole(SfUser user, string role)
        {
            var name = ConnectionCheckNames.RolePrefix + role;
            if (user.HasRole(role))
            {
                return Pass(name, $"'{user.Email}' has the role {role}.");
            }

            return Fail(
                name,
                $"'{user.Email}' lacks the ShareFile role {role}, which {Purpose(role)} needs. Grant it to this user in ShareFile (People > edit "
                    + "user > permissions); SuperUser, MasterAdmin or administrator status do not replace it.");
        }

        private static string Purpose(string role)
        {
            switch (role)
            {
                case "AdminManageEmployees": return "managing employee users";
                case "CanManageUsers": return "managing client users";
                case "AdminSharedDistGroups": return "managing shared distribution groups";
                case "AdminCreateSharedGroups": return "creating shared distribution groups";
                default: return "provisioning";
            }
        }

        private async Task<ConnectionCheckResult> CheckLicencesAsync(CancellationToken cancellationToken)
        {
            var account = await _client.GetAccountAsync(cancellationToken).ConfigureAwait(false);
            var max = account.UserMax ?? account.UserUsage?.EmployeeMax;
            var used = account.UserUsage?.EmployeeCount;
            if (!max.HasValue || !used.HasValue)
            {
                return Pass(ConnectionCheckNames.Licences, "The account does not report licence usage; employee creation may fail when licences run out.");
            }

            var available = max.Value - used.Value;
            var message = $"{used.Value} of {max.Value} employee licences used; {Math.Max(available, 0)} available (disabled employees still hold one).";
            if (available <= 0)
            {
                return new ConnectionCheckResult(
                    ConnectionCheckNames.Licences,
                    ConnectionCheckStatus.Warning,
                    message + " New employees cannot be created: add licences or free some by deleting or downgrading employees.");
            }

            return Pass(ConnectionCheckNames.Licences, message, $"Clients: {account.UserUsage?.ClientCount?.ToString() ?? "unknown"}.");
        }

        private async Task<ConnectionCheckResult> CheckPreferencesAsync(CancellationToken cancellationToken)
        {
            var preferences = await _client.GetAccountPreferencesAsync(cancellationToken).ConfigureAwait(false);
            var domains = preferences.EmployeeEmailDomains.Count == 0 ? "none" : string.Join(", ", preferences.EmployeeEmailDomains);
            var message = preferences.UseStrictEmployeeDefinition == true
                ? $"Strict employee definition is on (domains: {domains}): addresses in these domains can only be created as employees."
                : $"Strict employee definition is off (employee domains: {domains}).";
            return Pass(ConnectionCheckNames.EmployeeSettings, message);
        }

        private async Task<ConnectionCheckResult> CheckListAsync(string relative, string what, CancellationToken cancellationToken)
        {
            var count = await _client.ProbeFeedAsync(relative, cancellationToken).ConfigureAwait(false);
            var name = what == "employees" ? ConnectionCheckNames.EmployeeListAccess : ConnectionCheckNames.GroupListAccess;
            return Pass(name, $"Listing {what} works.", $"GET {relative} returned {count} item(s).");
        }

        private static async Task<ConnectionCheckResult> RunCheckAsync(
            string name, Func<CancellationToken, Task<ConnectionCheckResult>> check, CancellationToken cancellationToken)
        {
            try
            {
                return await check(cancellationToken).ConfigureAwait(false);
            }
            catch (ShareFileApiException ex) when (ex.StatusCode == 403 || ex.StatusCode == 401)
            {
                return Fail(name, $"ShareFile refused {ex.Method} {ex.Path} ({ex.StatusCode}): the signed-in user lacks the permission for it. Use "
                    + "an administrator with the roles listed above.", Detail(ex));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Fail(name, ex.Message, Detail(ex));
            }
        }

        private static ConnectionCheckResult Overall(List<ConnectionCheckResult> results)
        {
            var failed = results.Where(r => r.Status == ConnectionCheckStatus.Failed).Select(r => r.Name).ToList();
            if (failed.Count > 0)
            {
                return Fail(ConnectionCheckNames.Overall, $"{failed.Count} check(s) failed: {string.Join("; ", failed)}. Fix them and run the test again.");
            }

            var warnings = results.Count(r => r.Status == ConnectionCheckStatus.Warning);
            return warnings > 0
                ? new ConnectionCheckResult(ConnectionCheckNames.Overall, ConnectionCheckStatus.Warning, $"Connection works; {warnings} warning(s).")
                : Pass(ConnectionCheckNames.Overall, "All checks passed.");
        }

        private static string Detail(Exception ex)
        {
            return ex is ShareFileApiException api ? $"HTTP {api.StatusCode}; code {api.Code ?? "none"}; reason {api.Reason}." : ex.GetType().Name;
        }

        private static ConnectionCheckResult Pass(string name, string message, string detail = null) =>
            new ConnectionCheckResult(name, ConnectionCheckStatus.Passed, message, detail);

        private static ConnectionCheckResult Fail(string name, string message, string detail = null) =>
            new ConnectionCheckResult(name, ConnectionCheckStatus.Failed, message, detail);

        private static ConnectionCheckResult Skip(string name) =>
            new ConnectionCheckResult(name, ConnectionCheckStatus.Skipped, "Skipped: an earlier check failed.");
    }
}
