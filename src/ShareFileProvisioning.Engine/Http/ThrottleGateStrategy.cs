using System;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Custom pipeline strategy, placed inside the retry so it runs once per attempt: waits for the shared
    /// <see cref="ThrottleGate"/> before sending, and when a 429 comes back pushes the gate to now + Retry-After so
    /// every other caller of the same client holds off too. Also counts throttled responses.
    /// </summary>
    internal sealed class ThrottleGateStrategy : ResilienceStrategy<HttpResponseMessage>
    {
        private readonly ThrottleGate _gate;
        private readonly MetricsCounters _metrics;

        public ThrottleGateStrategy(ThrottleGate gate, MetricsCounters metrics)
        {
            _gate = gate;
            _metrics = metrics;
        }

        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
            ResilienceContext context,
            TState state)
        {
            try
            {
                var waited = await _gate.WaitAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                _metrics.AddThrottleWait(waited);
            }
            catch (OperationCanceledException ex)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }

            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            var response = outcome.Result;
            if (response != null && (int)response.StatusCode == 429)
            {
                _metrics.AddThrottled();
                var wait = RetryAfter.From(response, DateTimeOffset.UtcNow);
                if (wait.HasValue)
                {
                    _gate.Defer(DateTimeOffset.UtcNow + wait.Value);
                }
            }

            return outcome;
        }
    }
}
