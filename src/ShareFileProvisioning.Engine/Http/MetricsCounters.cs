using System;
using System.Threading;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>Lock-free counters behind <see cref="ShareFileClientMetrics"/>.</summary>
    internal sealed class MetricsCounters
    {
        private long _requests;
        private long _retries;
        private long _throttled;
        private long _throttleWaitTicks;

        public void AddRequest() => Interlocked.Increment(ref _requests);

        public void AddRetry() => Interlocked.Increment(ref _retries);

        public void AddThrottled() => Interlocked.Increment(ref _throttled);

        public void AddThrottleWait(TimeSpan wait)
        {
            if (wait > TimeSpan.Zero)
            {
                Interlocked.Add(ref _throttleWaitTicks, wait.Ticks);
            }
        }

        public ShareFileClientMetrics Snapshot()
        {
            return new ShareFileClientMetrics(
                Interlocked.Read(ref _requests),
                Interlocked.Read(ref _retries),
                Interlocked.Read(ref _throttled),
                TimeSpan.FromTicks(Interlocked.Read(ref _throttleWaitTicks)));
        }
    }
}
