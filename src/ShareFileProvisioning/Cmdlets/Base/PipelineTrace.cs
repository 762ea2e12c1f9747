using System;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>Engine narration and planning progress (any thread) → the cmdlet's Verbose, Debug and Progress streams (pipeline thread).</summary>
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

        public void Verbose(string message) => _queue.Post(() => _cmdlet.WriteVerbose(message));

        public void Debug(string message) => _queue.Post(() => _cmdlet.WriteDebug(message));
    }
}
