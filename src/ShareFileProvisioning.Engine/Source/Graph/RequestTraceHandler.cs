using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// Innermost handler (after the SDK's retry): counts every request that goes on the wire and writes it to the
    /// Debug trace. Graph URLs carry no secrets (the token travels in a header that is never written).
    /// </summary>
    internal sealed class RequestTraceHandler : DelegatingHandler
    {
        private readonly IEngineTrace _trace;
        private int _count;

        public RequestTraceHandler(IEngineTrace trace)
        {
            _trace = trace ?? NullEngineTrace.Instance;
        }

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _trace.Debug($"Graph {request.Method} {SecretRedactor.RedactUrl(request.RequestUri)} → {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms");
            return response;
        }
    }
}
