using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>A cmdlet that reads the source: -SourceConnection, or this runspace's current source connection.</summary>
    public abstract class SourceConnectedCmdlet : SourceCmdlet
    {
        /// <summary>The source connection to use instead of the current one (Connect-ProvisioningSource -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        private protected ProvisioningSourceConnection ActiveSource { get; private set; }

        /// <summary>False for a parameter set that needs no connection (Get-ProvisioningScope -InputObject).</summary>
        private protected virtual bool RequiresSourceConnection => true;

        protected override void BeginProcessing()
        {
            ActiveSource = SourceConnection ?? SourceConnectionRegistry.Get();
            if (ActiveSource == null && RequiresSourceConnection) ThrowTerminatingError(SourceErrorRecords.NotConnected());
        }
    }
}
