using System;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// "Back off together": one shared not-before instant per client. A 429 pushes it to now + Retry-After, and every
    /// attempt (from any concurrent caller) waits until it has passed, so parallel work does not keep hammering a
    /// throttled tenant while one caller sits out its Retry-After.
    /// </summary>
    internal sealed class ThrottleGate
    {
        private long _notBeforeUtcTicks;

        public DateTimeOffset NotBefore => new DateTimeOffset(Interlocked.Read(ref _notBeforeUtcTicks), TimeSpan.Zero);

        /// <summary>Moves the gate forward (never backward: the longest demand wins).</summary>
        public void Defer(DateTimeOffset until)
        {
            var ticks = until.UtcTicks;
            while (true)
            {
                var current = Interlocked.Read(ref _notBeforeUtcTicks);
                if (ticks <= current)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _notBeforeUtcTicks, ticks, current) == current)
                {
                    return;
                }
            }
        }

        /// <summary>Waits until the gate opens; returns how long it waited.</summary>
        public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
        {
            var waited = TimeSpan.Zero;
            while (true)
            {
                var remaining = NotBefore - DateTimeOffset.UtcNow;
                if (remaining <= TimeSpan.Zero)
                {
                    return waited;
                }

                // Loop: another 429 may push the gate further while we sleep.
                await Task.Delay(remaining, cancellationToken).ConfigureAwait(false);
                waited += remaining;
            }
        }
    }
}
