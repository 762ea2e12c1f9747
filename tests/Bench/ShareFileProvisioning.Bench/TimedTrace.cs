using System;
using System.Diagnostics;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Bench
{
    /// <summary>The engine's verbose lines with the seconds since the run began: where the time beyond the floor goes.</summary>
    internal sealed class TimedTrace : IEngineTrace
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public void Verbose(string message) => Console.WriteLine($"[{_watch.Elapsed.TotalSeconds,6:0.0} s] {message}");

        public void Debug(string message)
        {
        }
    }
}
