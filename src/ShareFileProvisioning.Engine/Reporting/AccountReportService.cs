using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// Explains every ShareFile account (docs/account-report.md): a full plan's reads (the scope, every account, the
    /// links) say which are managed or about to be adopted; the tenant's users and deleted users explain the rest;
    /// one Users(id) read per employee gives roles, state and last sign-in. Writes nothing anywhere.
    /// </summary>
    public static class AccountReportService
    {
        public static async Task<AccountReport> BuildAsync(AccountReportRequest request, CancellationToken ct)
        {
            if (request?.Plan == null) throw new ArgumentNullException(nameof(request));
            if (request.InactiveDays < 1) throw new ArgumentException("InactiveDays must be 1 or more.", nameof(request));
            var p = request.Plan;
            p.Full = true;
            p.IncludeUnmanaged = true;
            p.Watermarks = null;
            p.SingleUser = null;
            var trace = p.Trace ?? NullEngineTrace.Instance;
            var entraBefore = (p.Source as EntraSource)?.RequestCount ?? 0;
            var sfBefore = p.ShareFile.Metrics.Requests;

            var planned = await PlanService.ComputeAsync(p, ct).ConfigureAwait(false);
            var links = p.State == null ? new State.LinkSet() : await p.State.LoadLinksAsync(ct).ConfigureAwait(false);
            var classifier = new AccountClassifier
            {
                Links = links, Plan = planned.Plan, Source = planned.Source, Now = p.Now ?? DateTimeOffset.UtcNow, InactiveDays = request.InactiveDays,
            };
            var users = planned.Target.Users;
            var concurrency = Math.Max(1, p.MaxConcurrency);
            var details = AccountDetailsReader.ReadEmployeesAsync(p.ShareFile, users, concurrency, ct);
            var groups = AccountDetailsReader.GroupsByOwnerAsync(p.ShareFile, p.PageSize, ct);
            var unexplained = classifier.UnexplainedEmails(users);
            string strategy = null;
            if (p.Source is EntraSource entra)
            {
                var tenant = await TenantDirectory.FindAsync(entra.Graph, unexplained, concurrency, ct).ConfigureAwait(false);
                classifier.Tenant = tenant.ByEmail;
                strategy = tenant.Strategy;
                trace.Verbose($"{unexplained.Count} ShareFile email(s) not explained by the scope: tenant read by {strategy ?? "nothing"}.");
            }
            classifier.Details = await details.ConfigureAwait(false);
            classifier.GroupsByOwner = await groups.ConfigureAwait(false);

            var report = new AccountReport { Entries = users.Select(classifier.Classify).OrderBy(e => e.Email, StringComparer.OrdinalIgnoreCase).ToList() };
            report.Summary = AccountReportSummaryBuilder.Build(report.Entries, planned.Target, request.InactiveDays);
            report.Summary.TenantReadStrategy = strategy;
            report.Summary.ShareFileRequests = p.ShareFile.Metrics.Requests - sfBefore;
            report.Summary.GraphRequests = ((p.Source as EntraSource)?.RequestCount ?? 0) - entraBefore;
            return report;
        }
    }
}
