using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>Test-ProvisioningSource's checks: token, the enterprise app, each Graph permission, assignments.</summary>
    internal static class EntraSourceConnectionTest
    {
        public const string TokenObtained = "Token obtained";
        public const string AppFound = "Enterprise app found";
        public const string PermissionPrefix = "Permission ";
        public const string Assignments = "Assignments";
        public const string Overall = ConnectionCheckNames.Overall;

        public static async Task<List<ConnectionCheckResult>> RunAsync(TokenCredential credential, string scope, GraphGateway graph, SourceAppSelector app, CancellationToken ct)
        {
            var results = new List<ConnectionCheckResult>();
            try
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext(new[] { scope }), ct).ConfigureAwait(false);
                results.Add(new ConnectionCheckResult(TokenObtained, ConnectionCheckStatus.Passed, $"Token for {scope} valid until {token.ExpiresOn:u}."));
            }
            catch (Exception e) when (e is Azure.Identity.AuthenticationFailedException || e is ArgumentException)
            {
                results.Add(new ConnectionCheckResult(TokenObtained, ConnectionCheckStatus.Failed, "No token: " + FirstLine(e.Message), "Check tenant, client id and secret/certificate, or the managed identity."));
                foreach (var name in new[] { AppFound }.Concat(GraphPermissions.All.Select(p => PermissionPrefix + p)).Concat(new[] { Assignments }))
                    results.Add(new ConnectionCheckResult(name, ConnectionCheckStatus.Skipped, "Skipped: no token."));
                return WithOverall(results);
            }

            var found = await Try(() => graph.FindServicePrincipalAsync(app, ct)).ConfigureAwait(false);
            var sp = found.Value;
            results.Add(sp != null
                ? new ConnectionCheckResult(AppFound, ConnectionCheckStatus.Passed, $"'{sp.DisplayName}' (service principal {sp.Id}, app {sp.AppId}, {sp.AppRoles.Count} app roles).")
                : new ConnectionCheckResult(AppFound, ConnectionCheckStatus.Failed, FirstLine(found.Error.Message), (found.Error as SourceException)?.ErrorCode));

            var assignments = sp == null ? null : await Try(() => graph.ListAssignmentsAsync(sp, ct)).ConfigureAwait(false);
            var appError = sp == null ? found.Error : assignments.Error;
            results.Add(appError == null
                ? new ConnectionCheckResult(PermissionPrefix + GraphPermissions.ApplicationReadAll, ConnectionCheckStatus.Passed, "The enterprise app and its assignments can be read.")
                : appError is SourcePermissionException || sp != null
                    ? PermissionResult(GraphPermissions.ApplicationReadAll, appError)
                    : new ConnectionCheckResult(PermissionPrefix + GraphPermissions.ApplicationReadAll, ConnectionCheckStatus.Skipped, "Skipped: the enterprise app was not found."));
            results.Add(await Check(PermissionPrefix + GraphPermissions.UserReadAll, async () => { await graph.ProbeUsersAsync(ct).ConfigureAwait(false); return "Users can be read."; }).ConfigureAwait(false));
            results.Add(await Check(PermissionPrefix + GraphPermissions.GroupMemberReadAll, async () => { await graph.ProbeGroupsAsync(ct).ConfigureAwait(false); return "Groups and members can be read."; }).ConfigureAwait(false));

            if (assignments?.Value != null)
            {
                var list = assignments.Value;
                var users = list.Count(a => a.PrincipalType == "User");
                var groups = list.Count(a => a.PrincipalType == "Group");
                results.Add(new ConnectionCheckResult(Assignments, list.Count == 0 ? ConnectionCheckStatus.Warning : ConnectionCheckStatus.Passed,
                    list.Count == 0 ? $"Nobody is assigned to '{sp.DisplayName}': nothing is in scope." : $"{list.Count} assignments ({users} users, {groups} groups).",
                    $"{list.Count(a => a.IsDefaultRole)} with the default role"));
            }
            else
            {
                results.Add(new ConnectionCheckResult(Assignments, ConnectionCheckStatus.Skipped, "Skipped: the assignments could not be read."));
            }

            return WithOverall(results);
        }

        private static ConnectionCheckResult PermissionResult(string permission, Exception error) =>
            new ConnectionCheckResult(PermissionPrefix + permission, ConnectionCheckStatus.Failed,
                error is SourcePermissionException ? $"Missing: grant the application permission {permission} and admin consent." : FirstLine(error.Message),
                (error as SourceException)?.ErrorCode);

        private static async Task<ConnectionCheckResult> Check(string name, Func<Task<string>> probe)
        {
            try
            {
                return new ConnectionCheckResult(name, ConnectionCheckStatus.Passed, await probe().ConfigureAwait(false));
            }
            catch (SourcePermissionException e)
            {
                var message = name.StartsWith(PermissionPrefix, StringComparison.Ordinal)
                    ? $"Missing: grant the application permission {e.Permission} and admin consent."
                    : e.Message;
                return new ConnectionCheckResult(name, ConnectionCheckStatus.Failed, message, $"{e.ErrorCode}; needs {e.Permission}");
            }
            catch (SourceException e)
            {
                return new ConnectionCheckResult(name, ConnectionCheckStatus.Failed, FirstLine(e.Message), e.ErrorCode);
            }
        }

        private sealed class Attempt<T>
        {
            public T Value;
            public Exception Error;
        }

        private static async Task<Attempt<T>> Try<T>(Func<Task<T>> work)
        {
            try
            {
                return new Attempt<T> { Value = await work().ConfigureAwait(false) };
            }
            catch (SourceException e)
            {
                return new Attempt<T> { Error = e };
            }
        }

        private static List<ConnectionCheckResult> WithOverall(List<ConnectionCheckResult> results)
        {
            var failed = results.Count(r => r.Status == ConnectionCheckStatus.Failed);
            var warnings = results.Count(r => r.Status == ConnectionCheckStatus.Warning);
            results.Add(failed > 0
                ? new ConnectionCheckResult(Overall, ConnectionCheckStatus.Failed, $"{failed} check(s) failed: provisioning from Entra ID cannot run.")
                : new ConnectionCheckResult(Overall, warnings > 0 ? ConnectionCheckStatus.Warning : ConnectionCheckStatus.Passed,
                    warnings > 0 ? $"Ready, with {warnings} warning(s)." : "Ready: everything provisioning needs from Entra ID works."));
            return results;
        }

        private static string FirstLine(string message)
        {
            var i = message.IndexOf('\n');
            return (i < 0 ? message : message.Substring(0, i)).Trim();
        }
    }
}
