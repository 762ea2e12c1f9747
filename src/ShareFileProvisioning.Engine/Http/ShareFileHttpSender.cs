using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Sends ShareFile requests (token and API) through the one resilience pipeline, counts traffic and writes one
    /// redacted Debug line per attempt. Transport failures leave as <see cref="ShareFileConnectionException"/>.
    /// </summary>
    internal sealed class ShareFileHttpSender : IDisposable
    {
        private readonly HttpClient _http;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly IEngineTrace _trace;
        private readonly TimeSpan _attemptTimeout;

        public ShareFileHttpSender(ShareFileResilienceOptions options, IEngineTrace trace, HttpMessageHandler handler, ProxySettings proxy = null)
        {
            _trace = trace ?? NullEngineTrace.Instance;
            _attemptTimeout = options.AttemptTimeout;
            Metrics = new MetricsCounters();
            Gate = new ThrottleGate();
            _pipeline = ShareFileResiliencePipelineFactory.Create(options, Gate, Metrics);

            // Redirects are not followed: a plain-HTTP redirect to maintenance.sharefile.com means "API down",
            // and any other redirect must not carry our bearer token elsewhere.
            var ownHandler = handler == null;
            handler = handler ?? OwnHandler(proxy);
            _http = new HttpClient(handler, ownHandler) { Timeout = Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ShareFileProvisioning", ProductVersion));
        }

        public MetricsCounters Metrics { get; }

        private static HttpMessageHandler OwnHandler(ProxySettings proxy)
        {
            void Configure(HttpClientHandler h)
            {
                h.AllowAutoRedirect = false;
                h.UseCookies = false;
            }

            if (proxy != null) return proxy.CreateHandler(Configure);
            var own = new HttpClientHandler();
            Configure(own);
            return own;
        }

        /// <summary>The assembly version, which the build takes from Directory.Build.props.</summary>
        private static string ProductVersion => typeof(ShareFileHttpSender).Assembly.GetName().Version.ToString(3);

        public ThrottleGate Gate { get; }

        /// <summary>Sends with retries; the caller owns (and must dispose) the final response.</summary>
        public async Task<HttpResponseMessage> SendAsync(HttpRequestSpec spec, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ResilienceKeys.IsIdempotent, spec.IsIdempotent);
            context.Properties.Set(ResilienceKeys.NeverResendUnanswered, spec.CreatesWithoutUniqueKey);
            var attempt = new AttemptState(this, spec);
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    (ctx, state) => state.SendOnceAsync(ctx),
                    context,
                    attempt).ConfigureAwait(false);

                if (outcome.Exception == null)
                {
                    return outcome.Result;
                }

                throw Translate(outcome.Exception, spec, cancellationToken);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Exception Translate(Exception exception, HttpRequestSpec spec, CancellationToken cancellationToken)
        {
            var target = spec.Method.Method + " " + SecretRedactor.RedactUrl(spec.Uri);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                return exception;
            }

            if (exception is TimeoutRejectedException)
            {
                return new ShareFileConnectionException(
                    $"ShareFile did not answer {target} within {_attemptTimeout.TotalSeconds:0.#} s. Check the network path to {spec.Uri.Host} or raise the attempt timeout.",
                    spec.Uri.Host, exception);
            }

            if (exception is BrokenCircuitException)
            {
                return new ShareFileConnectionException(
                    $"ShareFile calls are paused after repeated server or network failures at {spec.Uri.Host}; {target} was not sent. Retry later.",
                    spec.Uri.Host, exception);
            }

            if (exception is HttpRequestException || exception is IOException)
            {
                return new ShareFileConnectionException(
                    $"Could not reach ShareFile at {spec.Uri.GetLeftPart(UriPartial.Authority)} for {target}: {SecretRedactor.Redact(ProxyOrInnermost(exception).Message)} Check the subdomain or base address, DNS, proxy and firewall.",
                    spec.Uri.Host, exception);
            }

            return exception;
        }

        /// <summary>The proxy's own explanation when there is one (it names what to give), else the root cause.</summary>
        private static Exception ProxyOrInnermost(Exception exception)
        {
            for (var x = exception; x != null; x = x.InnerException)
            {
                if (x.Message.Contains("-ProxyCredential")) return x;
            }

            return Innermost(exception);
        }

        private static Exception Innermost(Exception exception)
        {
            while (exception.InnerException != null)
            {
                exception = exception.InnerException;
            }

            return exception;
        }

        public void Dispose()
        {
            _http.Dispose();
        }

        /// <summary>Per-execution state: the request description and the attempt counter for the Debug line.</summary>
        private sealed class AttemptState
        {
            private readonly ShareFileHttpSender _owner;
            private readonly HttpRequestSpec _spec;
            private int _attempt;

            public AttemptState(ShareFileHttpSender owner, HttpRequestSpec spec)
            {
                _owner = owner;
                _spec = spec;
            }

            public async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(ResilienceContext context)
            {
                var attempt = Interlocked.Increment(ref _attempt);
                var ct = context.CancellationToken;
                var watch = Stopwatch.StartNew();
                var target = _spec.Method.Method + " " + SecretRedactor.RedactUrl(_spec.Uri);
                try
                {
                    using (var request = new HttpRequestMessage(_spec.Method, _spec.Uri))
                    {
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                        if (_spec.BearerToken != null)
                        {
                            var token = await _spec.BearerToken(ct).ConfigureAwait(false);
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        }

                        request.Content = _spec.ContentFactory?.Invoke();
                        _owner.Metrics.AddRequest();
                        var response = await _owner._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                        _owner._trace.Debug($"ShareFile {target} -> {(int)response.StatusCode} {response.ReasonPhrase} (attempt {attempt}, {watch.ElapsedMilliseconds} ms)");
                        return Outcome.FromResult(response);
                    }
                }
                catch (Exception ex)
                {
                    // ExecuteOutcomeAsync callbacks must not throw: every failure travels as an outcome.
                    _owner._trace.Debug($"ShareFile {target} -> {ex.GetType().Name}: {SecretRedactor.Redact(ex.Message)} (attempt {attempt}, {watch.ElapsedMilliseconds} ms)");
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }
        }
    }
}
