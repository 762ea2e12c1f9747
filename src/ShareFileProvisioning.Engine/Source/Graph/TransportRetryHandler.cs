using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// Sends a Graph read again when the connection fails under it (reset, closed before the answer, a proxy dropping a
    /// reused connection): the SDK's own retry handler acts on statuses only. Reads are GETs and the $batch envelope,
    /// whose steps are all GETs; nothing else is sent twice (docs/graph-api.md).
    /// </summary>
    internal sealed class TransportRetryHandler : DelegatingHandler
    {
        private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<IOException>(),
            })
            .Build();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!IsRead(request)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Buffered once, the body can be sent again.
            if (request.Content != null) await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return await Retry.ExecuteAsync(async ct => await base.SendAsync(request, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        internal static bool IsRead(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get
            || (request.Method == HttpMethod.Post && request.RequestUri.AbsolutePath.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase));
    }
}
