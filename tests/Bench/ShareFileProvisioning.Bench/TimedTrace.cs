using System;
using System.Diagnostics;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Bench
{
    /// <summary>The engine's verbose lines with the seconds since the run began: where the time beyond the floor goes.</summary>
    internal sealed class TimedTrace : IEngineTrace
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new System.Collections.Concurrent.ConcurrentQueue<string>();

        public void Verbose(string message)
        {
            _lines.Enqueue(message);
            Console.WriteLine($"[{_watch.Elapsed.TotalSeconds,6:0.0} s] {message}");
        }

        /// <summary>The last verbose line that contains <paramref name="text"/>, or null.</summary>
        public string LastContaining(string text) => System.Linq.Enumerable.LastOrDefault(_lines, l => l.Contains(text));

        public void Debug(string message)
        {
        }
    }
}
