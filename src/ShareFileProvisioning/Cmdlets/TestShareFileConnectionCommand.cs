using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets
{
    /// <summary>
    /// Checks everything provisioning needs from ShareFile: host, token, the signed-in administrator, each required role,
    /// licences, settings and list access. Emits one object per check, then the overall result. A failed check is data:
    /// its message says what to fix. -Quiet returns a single bool.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ShareFileConnection", DefaultParameterSetName = CurrentSet)]
    [OutputType(typeof(ConnectionCheck), ParameterSetName = new[] { CurrentSet, ExplicitSet })]
    [OutputType(typeof(bool))]
    public sealed class TestShareFileConnectionCommand : ShareFileConnectedCmdlet
    {
        private const string CurrentSet = "Current";
        private const string ExplicitSet = "Explicit";

        /// <summary>Test these credentials without connecting (nothing is stored).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Subdomain { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet, Position = 1)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExplicitSet)]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        [Parameter(ParameterSetName = ExplicitSet)]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        /// <summary>Also require what group provisioning needs (shared distribution group roles, group list access).</summary>
        [Parameter]
        public SwitchParameter IncludeGroups { get; set; }

        /// <summary>Return only $true (every check passed) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        private protected override bool RequiresConnection => ParameterSetName != ExplicitSet;

        private protected override object CurrentTarget => Subdomain ?? ActiveConnection?.Subdomain;

        private protected override void ProcessRecordCore()
        {
            ShareFileClient temporary = null;
            var client = ParameterSetName == ExplicitSet
                ? temporary = ConnectionFactory.Client(this, ConnectionFactory.Settings(Subdomain, Credential, ClientId, ClientSecret, BaseUri))
                : ActiveConnection.Client;

            try
            {
                var results = RunEngine((trace, ct) => new ShareFileConnectionTest(client, IncludeGroups).RunAsync(ct));
                var checks = results.Select(OutputMapper.ToCheck).ToList();
                if (Quiet)
                {
                    WriteObject(checks.Last().Passed && checks.Last().Status != CheckStatus.Skipped);
                    return;
                }

                foreach (var check in checks)
                {
                    WriteObject(check);
                }
            }
            finally
            {
                temporary?.Dispose();
            }
        }
    }
}
