using System.Management.Automation;
using ShareFileProvisioning.Connection;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>A cmdlet that talks to ShareFile: -Connection, or the current connection of this runspace.</summary>
    public abstract class ShareFileConnectedCmdlet : ShareFileCmdlet
    {
        /// <summary>The connection to use instead of the current one (Connect-ShareFile -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileConnection Connection { get; set; }

        private protected ShareFileConnection ActiveConnection { get; private set; }

        protected override void BeginProcessing()
        {
            ActiveConnection = Connection ?? ConnectionRegistry.Get();
            if (ActiveConnection == null && RequiresConnection)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }
        }

        /// <summary>False for cmdlets with a parameter set that brings its own credentials (Test-ShareFileConnection).</summary>
        private protected virtual bool RequiresConnection => true;
    }
}
