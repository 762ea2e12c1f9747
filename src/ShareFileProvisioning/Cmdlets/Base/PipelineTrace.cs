using System.Management.Automation;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Engine narration (any thread) → the cmdlet's Verbose and Debug streams (pipeline thread). Every line passes the
    /// redactor on its way out, whatever the engine already masked: the streams are where a leak would be seen.
    /// </summary>
    internal sealed class PipelineTrace : IEngineTrace
    {
        private readonly PipelineQueue _queue;
        private readonly Cmdlet _cmdlet;

        public PipelineTrace(PipelineQueue queue, Cmdlet cmdlet)
        {
            _queue = queue;
            _cmdlet = cmdlet;
        }

        public void Verbose(string message) => _queue.Post(() => _cmdlet.WriteVerbose(SecretRedactor.Redact(message)));

        public void Debug(string message) => _queue.Post(() => _cmdlet.WriteDebug(SecretRedactor.Redact(message)));
    }
}
