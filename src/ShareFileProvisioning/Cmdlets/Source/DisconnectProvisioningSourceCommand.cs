using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>Forgets this runspace's current source connection and releases its HTTP client.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ProvisioningSource")]
    [OutputType(typeof(ProvisioningSourceConnection))]
    public sealed class DisconnectProvisioningSourceCommand : Base.ShareFileCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            var removed = SourceConnectionRegistry.Remove();
            if (removed == null)
            {
                WriteVerbose("No provisioning source connection in this session.");
                return;
            }

            removed.Source.Dispose();
            WriteVerbose($"Disconnected from Entra ID ('{removed.AppDisplayName}').");
            if (PassThru) WriteObject(removed);
        }
    }
}
