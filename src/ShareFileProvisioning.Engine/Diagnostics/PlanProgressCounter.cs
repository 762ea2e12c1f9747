using System;
using System.Diagnostics;
using System.Threading;

namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>
    /// Counts one stage's reads from any thread and reports at most every 100 ms (the first count and
    /// <see cref="Finish"/> always), so a 100,000-user read sends a few dozen snapshots, not one per object.
    /// Without a progress sink every call returns at once.
    /// </summary>
    internal sealed class PlanProgressCounter
    {
        private static readonly long Interval = Stopwatch.Frequency / 10;
        private readonly IProgress<PlanProgress> _sink;
        private readonly PlanStage _stage;
        private int _pages, _assignments, _users, _accounts;
        private long _lastReport = long.MinValue;

        private PlanProgressCounter(IProgress<PlanProgress> sink, PlanStage stage)
        {
            _sink = sink;
            _stage = stage;
        }

        /// <summary>A counter reporting to <paramref name="trace"/> when it takes progress, else a silent one.</summary>
        public static PlanProgressCounter For(IEngineTrace trace, PlanStage stage) => new PlanProgressCounter(trace as IProgress<PlanProgress>, stage);

        /// <summary>The computing stage has begun (it has nothing to count).</summary>
        public static void Computing(IEngineTrace trace) => (trace as IProgress<PlanProgress>)?.Report(new PlanProgress(PlanStage.Computing, 0, 0, 0, 0));

        /// <summary>False without a sink: callers skip even the counting.</summary>
        public bool IsActive => _sink != null;

        public void AssignmentPage(int assignments)
        {
            if (_sink == null) return;
            Interlocked.Increment(ref _pages);
            Interlocked.Add(ref _assignments, assignments);
            Report(false);
        }

        public void UserPage(int users)
        {
            if (_sink == null) return;
            Interlocked.Increment(ref _pages);
            Interlocked.Add(ref _users, users);
            Report(false);
        }

        public void Account()
        {
            if (_sink == null) return;
            Interlocked.Increment(ref _accounts);
            Report(false);
        }

        /// <summary>The stage's final counts.</summary>
        public void Finish() => Report(true);

        private void Report(bool always)
        {
            if (_sink == null) return;
            var now = Stopwatch.GetTimestamp();
            var last = Interlocked.Read(ref _lastReport);
            if (!always && last != long.MinValue && now - last < Interval) return;
            if (!always && Interlocked.CompareExchange(ref _lastReport, now, last) != last) return;
            if (always) Interlocked.Exchange(ref _lastReport, now);
            _sink.Report(new PlanProgress(_stage, Volatile.Read(ref _pages), Volatile.Read(ref _assignments), Volatile.Read(ref _users), Volatile.Read(ref _accounts)));
        }
    }
}
