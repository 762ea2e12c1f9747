using System;
using System.Threading;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// The evaluation time one compiled expression may spend in a cycle, all objects and threads together. Once
    /// spent, the expression fails at once for the rest of the cycle instead of costing it again per object.
    /// </summary>
    internal sealed class CycleBudget
    {
        private readonly long _limitTicks;
        private long _spentTicks;

        public CycleBudget(TimeSpan limit) => _limitTicks = limit.Ticks;

        public TimeSpan Limit => TimeSpan.FromTicks(_limitTicks);

        public bool IsSpent => Interlocked.Read(ref _spentTicks) >= _limitTicks;

        public void Add(TimeSpan elapsed) => Interlocked.Add(ref _spentTicks, elapsed.Ticks);
    }
}
