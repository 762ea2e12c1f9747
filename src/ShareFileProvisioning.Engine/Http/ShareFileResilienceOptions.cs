using System;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Retry, timeout and circuit-breaker settings of the ShareFile client. Defaults suit a real tenant;
    /// tests shrink the delays.
    /// </summary>
    public sealed class ShareFileResilienceOptions
    {
        /// <summary>Retries after the first attempt (0 disables retries).</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First back-off delay; doubles per retry, with jitter. Ignored when the server sends Retry-After.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Upper bound of a computed back-off delay (a server's Retry-After is honoured in full).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Time allowed for one HTTP attempt, including reading the response body.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit.</summary>
        public double CircuitBreakerFailureRatio { get; set; } = 0.5;

        /// <summary>Attempts needed in the sampling window before the breaker may open (at least 2).</summary>
        public int CircuitBreakerMinimumThroughput { get; set; } = 20;

        public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How long calls fail fast once the circuit is open (at least 0.5 s).</summary>
        public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            if (MaxRetries < 0 || MaxRetries > 100)
            {
                throw new ArgumentException($"ShareFileResilienceOptions.MaxRetries must be between 0 and 100 (was {MaxRetries}).");
            }

            if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
            {
                throw new ArgumentException("ShareFileResilienceOptions.BaseDelay must be >= 0 and MaxDelay >= BaseDelay.");
            }

            if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
            {
                throw new ArgumentException("ShareFileResilienceOptions.AttemptTimeout must be between 10 ms and 1 day.");
            }

            if (CircuitBreakerFailureRatio <= 0 || CircuitBreakerFailureRatio > 1)
            {
                throw new ArgumentException("ShareFileResilienceOptions.CircuitBreakerFailureRatio must be in (0, 1].");
            }

            if (CircuitBreakerMinimumThroughput < 2)
            {
                throw new ArgumentException("ShareFileResilienceOptions.CircuitBreakerMinimumThroughput must be at least 2.");
            }

            if (CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500)
                || CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500))
            {
                throw new ArgumentException("ShareFileResilienceOptions circuit-breaker durations must be at least 0.5 s.");
            }
        }

        public ShareFileResilienceOptions Clone()
        {
            return (ShareFileResilienceOptions)MemberwiseClone();
        }
    }
}
