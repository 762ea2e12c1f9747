using System;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>
    /// Base of the source cmdlets: Graph and sign-in failures become error records. Sign-in, a missing permission and
    /// an app that is not found block everything (terminating); other Graph failures are non-terminating.
    /// </summary>
    public abstract class SourceCmdlet : ShareFileCmdlet
    {
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
