using System;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>Snapshot of a ShareFile client's traffic counters, for cycle summaries.</summary>
    public sealed class ShareFileClientMetrics
    {
        public ShareFileClientMetrics(long requests, long retries, long throttledResponses, TimeSpan throttleWaitTotal)
        {
            Requests = requests;
            Retries = retries;
            ThrottledResponses = throttledResponses;
            ThrottleWaitTotal = throttleWaitTotal;
        }

        /// <summary>HTTP attempts sent (token and API calls, retries included).</summary>
        public long Requests { get; }

        /// <summary>Attempts that were retries of an earlier attempt.</summary>
        public long Retries { get; }

        /// <summary>429 responses received.</summary>
        public long ThrottledResponses { get; }

        /// <summary>Time spent waiting because of throttling (Retry-After back-off and the shared back-off gate).</summary>
        public TimeSpan ThrottleWaitTotal { get; }

        public override string ToString()
        {
            return $"Requests={Requests}, Retries={Retries}, Throttled={ThrottledResponses}, ThrottleWait={ThrottleWaitTotal.TotalSeconds:0.###}s";
        }
    }
}
