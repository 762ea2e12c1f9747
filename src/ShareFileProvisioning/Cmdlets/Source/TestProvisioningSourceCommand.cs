using System.Linq;
using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>
    /// Checks what provisioning needs from Entra ID: a token, the enterprise app, each Graph permission
    /// (Application.Read.All, User.Read.All, GroupMember.Read.All) and the assignments. One ConnectionCheck per check,
    /// then the overall result; -Quiet returns one bool.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ProvisioningSource")]
    [OutputType(typeof(ConnectionCheck))]
    [OutputType(typeof(bool))]
    public sealed class TestProvisioningSourceCommand : SourceConnectedCmdlet
    {
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        private protected override object CurrentTarget => ActiveSource?.AppDisplayName;

        private protected override void ProcessSourceRecord()
        {
            var source = ActiveSource.Source;
            var checks = RunEngine((trace, ct) => source.TestAsync(ct)).Select(SourceOutputMapper.ToCheck).ToList();
            if (Quiet)
            {
                WriteObject(checks.Last().Passed);
                return;
            }

            foreach (var check in checks) WriteObject(check);
        }
    }
}
