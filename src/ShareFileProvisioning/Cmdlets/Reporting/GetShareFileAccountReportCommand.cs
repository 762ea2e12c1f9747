using System;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Cmdlets.Configuration;
using ShareFileProvisioning.Cmdlets.Source;
using ShareFileProvisioning.Cmdlets.State;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Reporting;

namespace ShareFileProvisioning.Cmdlets.Reporting
{
    /// <summary>
    /// One object per ShareFile account (Managed, AssignedNotLinked, Unassigned with why, Local; administrator, disabled,
    /// type, last sign-in, owned groups), then a summary with the licences a reclaim would free; -Path writes an HTML page.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileAccountReport")]
    [OutputType(typeof(ShareFileAccountReportEntry), typeof(ShareFileAccountReportSummary))]
    public sealed class GetShareFileAccountReportCommand : ShareFileConnectedCmdlet
    {
        /// <summary>An employee with no sign-in for this many days counts as inactive.</summary>
        [Parameter]
        [ValidateRange(1, 3650)]
        public int InactiveDays { get; set; } = 90;

        /// <summary>
        /// Whose roles are read, one request each: All (default; IsAdministrator known on every employee) or ReclaimCandidates
        /// (only disabled, inactive and never-signed-in employees: far fewer requests, reclaim reasons stay exact, and
        /// IsAdministrator is $null on the others).
        /// </summary>
        [Parameter]
        [ValidateSet(nameof(Engine.Reporting.AdministratorCheck.All), nameof(Engine.Reporting.AdministratorCheck.ReclaimCandidates))]
        public string AdministratorCheck { get; set; } = nameof(Engine.Reporting.AdministratorCheck.All);

        /// <summary>Also write a self-contained HTML report to this file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Emit only the summary.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Concurrent requests to ShareFile and Graph.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string Profile { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigurationPath { get; set; }

        [Parameter]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private protected override object CurrentTarget => Profile;

        private protected override void ProcessRecordCore()
        {
            var connection = ActiveConnection;
            var profile = ProfileLocator.ForCurrentUser().Get(Profile ?? ProfileLocator.DefaultName(connection?.Subdomain),
                ConfigurationPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigurationPath));
            var source = (SourceConnection ?? SourceConnectionRegistry.Get())?.Source
                ?? throw new InvalidOperationException("Not connected to Entra ID. Run Connect-ProvisioningSource first, or pass -SourceConnection.");
            var path = Path == null ? null : GetUnresolvedProviderPathFromPSPath(Path);
            var report = RunEngine(async (trace, ct) =>
            {
                var configuration = await ConfigurationFile.LoadOrDefaultAsync(profile.ConfigurationPath, ct).ConfigureAwait(false);
                var built = await AccountReportService.BuildAsync(new AccountReportRequest
                {
                    InactiveDays = InactiveDays,
                    AdministratorCheck = (Engine.Reporting.AdministratorCheck)Enum.Parse(typeof(Engine.Reporting.AdministratorCheck), AdministratorCheck, true),
                    Plan = new PlanRequest
                    {
                        Source = source, ShareFile = connection.Client, State = StateStoreSelection.State(profile, StateStore), Configuration = configuration,
                        ProfileName = profile.Name, Subdomain = connection.Subdomain, MaxConcurrency = ThrottleLimit, Trace = trace,
                    },
                }, ct).ConfigureAwait(false);
                if (path != null) await AccountReportHtml.WriteAsync(built, $"ShareFile accounts of {connection.Subdomain}", path, ct).ConfigureAwait(false);
                return built;
            });
            if (!Summary.IsPresent)
                foreach (var entry in report.Entries) WriteObject(AccountReportOutputMapper.ToEntry(entry));
            WriteObject(AccountReportOutputMapper.ToSummary(report.Summary, path));
        }
    }
}
