using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// Explains every ShareFile account (docs/account-report.md): a full plan's reads (the scope, every account, the
    /// links) say which are managed or about to be adopted; the tenant's users and deleted users explain the rest;
    /// one Users(id) read per employee (or per reclaim candidate) gives roles, state and last sign-in. Writes nothing anywhere.
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
            var classifier = new AccountClassifier { Now = p.Now ?? DateTimeOffset.UtcNow, InactiveDays = request.InactiveDays };
            Func<TargetUser, bool> needsRoles = request.AdministratorCheck == AdministratorCheck.All ? (_ => true) : (Func<TargetUser, bool>)classifier.MayBeReclaimed;

            using (var reads = new AccountDetailsReads(p.ShareFile, p.MaxConcurrency))
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                // The per-employee reads are the report's floor: they start as soon as ShareFile is listed, alongside
                // the source read, and the plan's own reads of the same accounts are served from them.
                Task details = null;
                p.AccountReads = reads;
                p.TenantListing = new TenantListing();
                p.ProtectAdministrators = false;
                p.TargetRead = target => details = AccountDetailsReader.ReadEmployeesAsync(reads, target.Users.ToList(), needsRoles, stop.Token);
                try
                {
                    return await ExplainAsync(request, classifier, reads, needsRoles, () => details, ct).ConfigureAwait(false);
                }
                catch
                {
                    // The reads started early stop with any failure, and are over before their gate is disposed.
                    stop.Cancel();
                    if (details != null) await Task.WhenAny(details).ConfigureAwait(false);
                    throw;
                }
            }
        }

        /// <summary>The plan, then the tenant, the owners and the per-employee answers, then the classification.</summary>
        private static async Task<AccountReport> ExplainAsync(AccountReportRequest request, AccountClassifier classifier, AccountDetailsReads reads,
            Func<TargetUser, bool> needsRoles, Func<Task> startedDetails, CancellationToken ct)
        {
            var p = request.Plan;
            var entraBefore = (p.Source as EntraSource)?.RequestCount ?? 0;
            var sfBefore = p.ShareFile.Metrics.Requests;
            var trace = p.Trace ?? NullEngineTrace.Instance;
            var planned = await PlanService.ComputeAsync(p, ct).ConfigureAwait(false);
            var links = p.State == null ? new State.LinkSet() : await p.State.LoadLinksAsync(ct).ConfigureAwait(false);
            classifier.Links = links;
            classifier.Plan = planned.Plan;
            classifier.Source = planned.Source;
            var users = planned.Target.Users;
            var details = startedDetails() ?? AccountDetailsReader.ReadEmployeesAsync(reads, users, needsRoles, ct);
            var groups = AccountDetailsReader.GroupsByOwnerAsync(p.ShareFile, p.PageSize, ct);
            var unexplained = classifier.UnexplainedEmails(users);
            string strategy = null;
            if (p.Source is EntraSource entra)
            {
                var tenant = await TenantDirectory.FindAsync(entra.Graph, unexplained, p.TenantListing, Math.Max(1, p.MaxConcurrency), ct).ConfigureAwait(false);
                classifier.Tenant = tenant.ByEmail;
                strategy = tenant.Strategy;
                trace.Verbose($"{unexplained.Count} ShareFile email(s) not explained by the scope: tenant read by {strategy ?? "nothing"}.");
            }
            await details.ConfigureAwait(false);
            classifier.Details = reads.Answered();
            classifier.GroupsByOwner = await groups.ConfigureAwait(false);
            return Report(request, planned, classifier, strategy, p.ShareFile.Metrics.Requests - sfBefore, ((p.Source as EntraSource)?.RequestCount ?? 0) - entraBefore);
        }

        private static AccountReport Report(AccountReportRequest request, PlanResult planned, AccountClassifier classifier, string strategy, long shareFileRequests, int graphRequests)
        {
            var users = planned.Target.Users;
            var report = new AccountReport { Entries = users.Select(classifier.Classify).OrderBy(e => e.Email, StringComparer.OrdinalIgnoreCase).ToList() };
            report.Summary = AccountReportSummaryBuilder.Build(report.Entries, planned.Target, request.InactiveDays);
            report.Summary.TenantReadStrategy = strategy;
            report.Summary.ShareFileRequests = shareFileRequests;
            report.Summary.GraphRequests = graphRequests;
            return report;
        }
    }
}
