using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Connection;

namespace ShareFileProvisioning.Cmdlets
{
    /// <summary>
    /// Forgets this runspace's current connection. Other runspaces, and connection objects kept from -PassThru, are
    /// not affected.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ShareFile")]
    [OutputType(typeof(ShareFileConnection))]
    public sealed class DisconnectShareFileCommand : ShareFileCmdlet
    {
        /// <summary>Emit the connection that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            var removed = ConnectionRegistry.Remove();
            if (removed == null)
            {
                WriteVerbose("There was no current ShareFile connection in this runspace.");
                return;
            }

            WriteVerbose($"Disconnected from ShareFile account '{removed.Subdomain}'.");
            if (PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
