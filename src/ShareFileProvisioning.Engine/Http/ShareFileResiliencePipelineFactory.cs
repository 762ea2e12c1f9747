using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Builds the client's single pipeline, outermost first:
    /// retry (exponential back-off + jitter, Retry-After honoured) → circuit breaker → throttle gate → per-attempt timeout.
    /// </summary>
    internal static class ShareFileResiliencePipelineFactory
    {
        public static ResiliencePipeline<HttpResponseMessage> Create(
            ShareFileResilienceOptions options, ThrottleGate gate, MetricsCounters metrics)
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();

            if (options.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.From(args.Outcome.Result, DateTimeOffset.UtcNow)),
                    OnRetry = args =>
                    {
                        metrics.AddRetry();
                        if (args.Outcome.Result != null && (int)args.Outcome.Result.StatusCode == 429)
                        {
                            metrics.AddThrottleWait(args.RetryDelay);
                        }

                        return default;
                    },
                });
            }

            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => new ValueTask<bool>(IsServerFault(args.Outcome)),
            });

            builder.AddStrategy(_ => new ThrottleGateStrategy(gate, metrics), new ThrottleGateStrategyOptions());
            builder.AddTimeout(options.AttemptTimeout);
            return builder.Build();
        }

        /// <summary>
        /// 429 means the server did not process the request: retry any method. 503 usually means the same, but a write
        /// whose answer was lost looks alike, so a create that a resend could duplicate (POST Groups) is not resent.
        /// Other 5xx, dropped connections and attempt timeouts may have left the request half-done: retry only
        /// idempotent methods.
        /// </summary>
        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            var idempotent = context.Properties.GetValue(ResilienceKeys.IsIdempotent, false);
            if (outcome.Result != null)
            {
                var status = (int)outcome.Result.StatusCode;
                if (status == 429)
                {
                    return true;
                }

                if (status == 503)
                {
                    // Normally not processed, but a lost answer to an applied write also looks like this.
                    return !context.Properties.GetValue(ResilienceKeys.NeverResendUnanswered, false);
                }

                return idempotent && (status == 500 || status == 502 || status == 504);
            }

            return idempotent && IsTransportFault(outcome.Exception, context);
        }

        private static bool IsServerFault(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Result != null)
            {
                var status = (int)outcome.Result.StatusCode;
                return status == 500 || status == 502 || status == 503 || status == 504;
            }

            return outcome.Exception is HttpRequestException
                || outcome.Exception is IOException
                || outcome.Exception is TimeoutRejectedException;
        }

        private static bool IsTransportFault(Exception exception, ResilienceContext context)
        {
            if (exception == null || context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            return exception is HttpRequestException
                || exception is IOException
                || exception is TimeoutRejectedException;
        }

        private sealed class ThrottleGateStrategyOptions : ResilienceStrategyOptions
        {
            public ThrottleGateStrategyOptions()
            {
                Name = "ShareFileThrottleGate";
            }
        }
    }
}
