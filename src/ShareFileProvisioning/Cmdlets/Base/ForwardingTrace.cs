using System;
using System.Threading;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// A connection's client outlives the cmdlet that created it; its narration goes to whichever cmdlet is running
    /// engine work right now (per async flow), so Verbose/Debug always land in the current command's streams.
    /// </summary>
    internal sealed class ForwardingTrace : IEngineTrace, IProgress<PlanProgress>
    {
        public static readonly ForwardingTrace Instance = new ForwardingTrace();
        private static readonly AsyncLocal<IEngineTrace> Target = new AsyncLocal<IEngineTrace>();

        private ForwardingTrace()
        {
        }

        public static IEngineTrace Current
        {
            get => Target.Value;
            set => Target.Value = value;
        }

        public void Verbose(string message) => Target.Value?.Verbose(message);

        public void Debug(string message) => Target.Value?.Debug(message);

        public void Report(PlanProgress value) => (Target.Value as IProgress<PlanProgress>)?.Report(value);
    }
}
