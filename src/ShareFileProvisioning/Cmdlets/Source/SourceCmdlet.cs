using System;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>
    /// Base of the source cmdlets: -SourceConnection or this runspace's current source connection, and Graph/sign-in
    /// failures as error records (sign-in, permission and app-not-found block everything: terminating).
    /// </summary>
    public abstract class SourceCmdlet : ShareFileCmdlet
    {
        /// <summary>The source connection to use instead of the current one (Connect-ProvisioningSource -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        private protected ProvisioningSourceConnection ActiveSource { get; private set; }

        private protected virtual bool RequiresSourceConnection => true;

        protected override void BeginProcessing()
        {
            ActiveSource = SourceConnection ?? SourceConnectionRegistry.Get();
            if (ActiveSource == null && RequiresSourceConnection) ThrowTerminatingError(SourceErrorRecords.NotConnected());
        }

        private protected sealed override void ProcessRecordCore()
        {
            try
            {
                ProcessSourceRecord();
            }
            catch (SourceException ex) when (ex is SourceAuthenticationException || ex is SourcePermissionException || ex is SourceAppNotFoundException)
            {
                ThrowTerminatingError(SourceErrorRecords.From(ex, CurrentTarget));
            }
            catch (SourceException ex)
            {
                WriteError(SourceErrorRecords.From(ex, CurrentTarget));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(SourceErrorRecords.From(ex, CurrentTarget));
            }
        }

        private protected abstract void ProcessSourceRecord();
    }
}
