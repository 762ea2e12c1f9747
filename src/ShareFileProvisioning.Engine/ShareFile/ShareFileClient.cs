using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// ShareFile REST API v3 client (what it copes with: docs/sharefile-api.md). Thread-safe; one instance per connection.
    /// Every call carries a bearer token (renewed ahead of expiry and once after a 401) and runs through one
    /// Polly pipeline (retry with Retry-After, circuit breaker, shared back-off gate, per-attempt timeout).
    /// Errors: <see cref="ShareFileAuthenticationException"/>, <see cref="ShareFileApiException"/>,
    /// <see cref="ShareFileConnectionException"/>; cancellation as <see cref="OperationCanceledException"/>.
    /// </summary>
    public sealed partial class ShareFileClient : IDisposable
    {
        private static readonly MediaTypeHeaderValue JsonMediaType = new MediaTypeHeaderValue("application/json");

        private readonly ShareFileConnectionSettings _settings;
        private readonly ShareFileHttpSender _sender;
        private readonly OAuthTokenProvider _tokens;
        private readonly IEngineTrace _trace;
        private int _disposed;

        /// <param name="settings">Where and as whom to sign in; validated here.</param>
        /// <param name="options">Retry/timeout/circuit-breaker settings; null = defaults.</param>
        /// <param name="trace">Verbose/Debug sink; null = discard.</param>
        /// <param name="handler">For tests only: the HTTP handler to send through (not disposed by the client).</param>
        public ShareFileClient(
            ShareFileConnectionSettings settings,
            ShareFileResilienceOptions options = null,
            IEngineTrace trace = null,
            HttpMessageHandler handler = null)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            settings.Validate();
            options = (options ?? new ShareFileResilienceOptions()).Clone();
            options.Validate();
            _trace = trace ?? NullEngineTrace.Instance;
            _sender = new ShareFileHttpSender(options, _trace, handler, settings.Proxy);
            _tokens = new OAuthTokenProvider(settings, ShareFileEndpoints.ResolveTokenUri(settings), _sender, _trace);
        }

        /// <summary>Set once a token has been obtained (by <see cref="ConnectAsync"/> or the first call).</summary>
        public ShareFileSessionInfo Session { get; private set; }

        /// <summary>The settings this client signs in with (internal: they hold the secrets).</summary>
        internal ShareFileConnectionSettings Settings => _settings;

        /// <summary>Where this client narrates (and, when the trace takes it, reports planning progress).</summary>
        internal IEngineTrace Trace => _trace;

        /// <summary>Snapshot of this client's traffic counters.</summary>
        public ShareFileClientMetrics Metrics => _sender.Metrics.Snapshot();

        /// <summary>Signs in (password grant) and resolves the API base from the token's subdomain and apicp.</summary>
        public async Task<ShareFileSessionInfo> ConnectAsync(CancellationToken cancellationToken)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return SessionFor(token);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _sender.Dispose();
                _tokens.Dispose();
            }
        }

        public override string ToString() => $"ShareFileClient for {_settings}";

        private ShareFileSessionInfo SessionFor(OAuthToken token)
        {
            var session = Session;
            if (session != null && session.TokenExpiresUtc == token.ExpiresUtc)
            {
                return session;
            }

            var apiBase = ShareFileEndpoints.ResolveApiBase(_settings, token.Subdomain, token.ApiControlPlane, token.AppControlPlane);
            session = new ShareFileSessionInfo(
                token.Subdomain ?? (string.IsNullOrWhiteSpace(_settings.Subdomain) ? null : ShareFileEndpoints.ParseAccountHost(_settings.Subdomain).Subdomain),
                apiBase,
                _tokens.TokenUri,
                token.AppControlPlane,
                token.ApiControlPlane,
                token.ExpiresUtc,
                token.AdminUsers,
                token.AdminAccounts);
            Session = session;
            return session;
        }

        private async Task<Uri> ApiUriAsync(string relative, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return new Uri(SessionFor(token).ApiBaseUri, relative);
        }

        private Task<JToken> SendAsync(HttpMethod method, string relative, JToken body, CancellationToken cancellationToken)
        {
            return SendAsync(method, relative, null, body, cancellationToken);
        }

        private Task<JToken> SendAsync(HttpMethod method, string relative, Uri absolute, JToken body, CancellationToken cancellationToken)
        {
            return SendAsync(method, relative, absolute, body, ReadJsonAsync, cancellationToken);
        }

        /// <param name="readSuccess">Reads a 2xx body; error bodies are always read by <see cref="ShareFileErrors"/>.</param>
        private async Task<T> SendAsync<T>(HttpMethod method, string relative, Uri absolute, JToken body, Func<HttpContent, Task<T>> readSuccess,
            CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                throw new ObjectDisposedException(nameof(ShareFileClient));
            }

            var uri = absolute ?? await ApiUriAsync(relative, cancellationToken).ConfigureAwait(false);
            var json = body == null ? null : ShareFileJson.Serialize(body);
            string usedToken = null;
            var spec = new HttpRequestSpec(method, uri)
            {
                ContentFactory = json == null ? (Func<HttpContent>)null : () =>
                {
                    var content = new StringContent(json, Encoding.UTF8);
                    content.Headers.ContentType = JsonMediaType;
                    return content;
                },
                BearerToken = async ct => usedToken = await _tokens.GetAccessTokenAsync(ct).ConfigureAwait(false),
            };

            var response = await _sender.SendAsync(spec, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode == 401)
            {
                // The token was refused although not yet expired (revoked, clock skew, server restart): renew once, resend once.
                response.Dispose();
                _trace.Verbose("ShareFile refused the access token (401); renewing it and retrying once.");
                await _tokens.RenewAfterRejectionAsync(usedToken, cancellationToken).ConfigureAwait(false);
                response = await _sender.SendAsync(spec, cancellationToken).ConfigureAwait(false);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status >= 200 && status < 300)
                {
                    return await readSuccess(response.Content).ConfigureAwait(false);
                }

                var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                throw ShareFileErrors.FromResponse(response, text, method, uri, Session?.ApiBaseUri);
            }
        }

        private static async Task<JToken> ReadJsonAsync(HttpContent content)
        {
            var text = content == null ? string.Empty : await content.ReadAsStringAsync().ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : ShareFileJson.Parse(text);
        }

        private async Task<T> GetModelAsync<T>(string relative, CancellationToken cancellationToken)
        {
            var json = await SendAsync(HttpMethod.Get, relative, null, cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<T>(json);
        }

        /// <summary>
        /// Reads a whole feed, following odata.nextLink (name matched ignoring case) until it is absent;
        /// a feed without nextLink is simply complete. Next links must stay on the API host.
        /// </summary>
        private async Task<List<T>> ListFeedAsync<T>(string relative, int? pageSize, Func<JObject, T> map, CancellationToken cancellationToken,
            Action onEach = null)
        {
            if (pageSize.HasValue && pageSize.Value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "ShareFile page size must be at least 1.");
            }

            if (pageSize.HasValue)
            {
                relative += (relative.IndexOf('?') >= 0 ? "&" : "?") + "$top=" + pageSize.Value;
            }

            var items = new List<T>();
            var uri = await ApiUriAsync(relative, cancellationToken).ConfigureAwait(false);
            // The same guard as Graph's pager: next links stay on the API origin and are never served twice.
            var guard = new PageLinkGuard(Session.ApiBaseUri, "ShareFile", m => new InvalidOperationException(m));
            guard.First(uri);
            while (uri != null)
            {
                var next = await SendAsync(HttpMethod.Get, null, uri, null, content => ReadFeedPageAsync(content, items, map, onEach),
                    cancellationToken).ConfigureAwait(false);
                uri = string.IsNullOrWhiteSpace(next) ? null : guard.Next(uri, next);
            }

            return items;
        }

        /// <summary>
        /// Streams one feed page: each element of "value" becomes a model as it is read, so a 50,000-user feed (ShareFile
        /// may return a whole feed as one page) never exists as one string or one JSON tree. Returns the next link.
        /// </summary>
        private static async Task<string> ReadFeedPageAsync<T>(HttpContent content, List<T> items, Func<JObject, T> map, Action onEach)
        {
            if (content == null)
            {
                return null;
            }

            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None })
            {
                string next = null;
                if (!await reader.ReadAsync().ConfigureAwait(false) || reader.TokenType != JsonToken.StartObject)
                {
                    return null;
                }

                while (await reader.ReadAsync().ConfigureAwait(false) && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value;
                    await reader.ReadAsync().ConfigureAwait(false);
                    if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonToken.StartArray)
                    {
                        while (await reader.ReadAsync().ConfigureAwait(false) && reader.TokenType != JsonToken.EndArray)
                        {
                            if (reader.TokenType == JsonToken.StartObject)
                            {
                                items.Add(map(await JObject.LoadAsync(reader).ConfigureAwait(false)));
                                onEach?.Invoke();
                            }
                            else
                            {
                                await reader.SkipAsync().ConfigureAwait(false);
                            }
                        }
                    }
                    else if (string.Equals(name, "odata.nextLink", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonToken.String)
                    {
                        next = (string)reader.Value;
                    }
                    else
                    {
                        await reader.SkipAsync().ConfigureAwait(false);
                    }
                }

                return next;
            }
        }

        /// <summary>One page of a feed, no paging: proves list access for the connection test.</summary>
        internal async Task<int> ProbeFeedAsync(string relative, CancellationToken cancellationToken)
        {
            var page = await SendAsync(HttpMethod.Get, relative, null, cancellationToken).ConfigureAwait(false) as JObject;
            return (ShareFileJson.Property(page, "value") as JArray)?.Count ?? 0;
        }


        /// <summary>Ids go raw inside parentheses, unquoted, so only id characters are accepted (docs/sharefile-api.md, 'Request shape').</summary>
        private static string Id(string id, string what)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException($"A ShareFile {what} id is required.");
            }

            var trimmed = id.Trim();
            foreach (var c in trimmed)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                {
                    throw new ArgumentException($"ShareFile {what} id '{trimmed}' contains the character '{c}', which is not valid in an id.");
                }
            }

            return trimmed;
        }

        private static string Bool(bool value) => value ? "true" : "false";

        private static string Query(string value) => Uri.EscapeDataString(value);
    }
}
