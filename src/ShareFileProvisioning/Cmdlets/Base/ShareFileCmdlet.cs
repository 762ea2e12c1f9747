using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Base of every cmdlet: Ctrl+C cancels the engine, engine work runs off-thread while its output is written on the
    /// pipeline thread, and engine failures become error records. Engine types stay out of public signatures
    /// (private protected), so PowerShell's reflection over the cmdlet never loads the engine before the module
    /// initializer has wired the load context.
    /// </summary>
    public abstract class ShareFileCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        private protected CancellationToken CancellationToken => _stop.Token;

        /// <summary>The object an error is about (the UPN, id or piped object), for ErrorRecord.TargetObject.</summary>
        private protected virtual object CurrentTarget => null;

        protected override void StopProcessing() => _stop.Cancel();

        protected sealed override void ProcessRecord()
        {
            try
            {
                ProcessRecordCore();
            }
            catch (OperationCanceledException) when (Stopping || _stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (ShareFileAuthenticationException ex)
            {
                // Without a token nothing else can work.
                ThrowEngineError(ex);
            }
            catch (Exception ex) when (ex is ShareFileApiException || ex is ShareFileConnectionException)
            {
                // This input failed; the next one may not. -ErrorAction decides.
                WriteEngineError(ex);
            }
        }

        private protected abstract void ProcessRecordCore();

        /// <summary>Runs engine work on the thread pool; its trace and any posted writes land on this thread.</summary>
        internal T RunEngine<T>(Func<IEngineTrace, PipelineQueue, CancellationToken, Task<T>> work)
        {
            using (var queue = new PipelineQueue())
            {
                var trace = new PipelineTrace(queue, this);
                try
                {
                    return queue.Run(
                        () =>
                        {
                            ForwardingTrace.Current = trace;   // flows with this work only, not back to the caller
                            return work(trace, queue, CancellationToken);
                        },
                        CancellationToken);
                }
                finally
                {
                    if (!Stopping) trace.Progress.CompleteAll();
                }
            }
        }

        internal T RunEngine<T>(Func<IEngineTrace, CancellationToken, Task<T>> work) =>
            RunEngine((trace, _, token) => work(trace, token));

        /// <summary>One item failed: non-terminating, -ErrorAction decides.</summary>
        private protected void WriteEngineError(Exception exception, object target = null) =>
            WriteError(ErrorRecords.From(exception, target ?? CurrentTarget));

        /// <summary>Whatever blocks all work: terminating.</summary>
        private protected void ThrowEngineError(Exception exception, object target = null) =>
            ThrowTerminatingError(ErrorRecords.From(exception, target ?? CurrentTarget));

        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
