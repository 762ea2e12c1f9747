using System;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Engine narration and planning progress (any thread) → the cmdlet's Verbose, Debug and Progress streams (pipeline
    /// thread). Every line passes the redactor on its way out, whatever the engine already masked: the streams are where
    /// a leak would be seen.
    /// </summary>
    internal sealed class PipelineTrace : IEngineTrace, IProgress<PlanProgress>
    {
        private readonly PipelineQueue _queue;
        private readonly Cmdlet _cmdlet;

        public PipelineTrace(PipelineQueue queue, Cmdlet cmdlet)
        {
            _queue = queue;
            _cmdlet = cmdlet;
            Progress = new PlanProgressWriter(cmdlet);
        }

        /// <summary>Pipeline thread only.</summary>
        public PlanProgressWriter Progress { get; }

        public void Report(PlanProgress value) => _queue.Post(() => Progress.Write(value));

        public void Verbose(string message) => _queue.Post(() => _cmdlet.WriteVerbose(SecretRedactor.Redact(message)));

        public void Debug(string message) => _queue.Post(() => _cmdlet.WriteDebug(SecretRedactor.Redact(message)));
    }
}
