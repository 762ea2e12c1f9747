using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Everything needed to build a fresh <see cref="HttpRequestMessage"/> per attempt: a message and its content
    /// can be sent only once, so the pipeline callback rebuilds them from this description.
    /// </summary>
    internal sealed class HttpRequestSpec
    {
        public HttpRequestSpec(HttpMethod method, Uri uri)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        /// <summary>Creates the body for one attempt; null = no body.</summary>
        public Func<HttpContent> ContentFactory { get; set; }

        /// <summary>Supplies the bearer token for one attempt (so a refreshed token is picked up); null = anonymous.</summary>
        public Func<CancellationToken, Task<string>> BearerToken { get; set; }

        /// <summary>
        /// POST Groups creates a group ShareFile cannot refuse as a duplicate (names need not be unique): when its answer
        /// is lost (503, dropped connection) it may have been applied, so it is never resent; the sync resolves it by name.
        /// </summary>
        public bool CreatesWithoutUniqueKey =>
            Method == HttpMethod.Post && Uri.AbsolutePath.TrimEnd('/').EndsWith("/Groups", StringComparison.OrdinalIgnoreCase);

        /// <summary>GET, PUT, DELETE and PATCH (fixed values) are safe to resend.</summary>
        public bool IsIdempotent =>
            Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete
            || string.Equals(Method.Method, "PATCH", StringComparison.OrdinalIgnoreCase)
            || Method == HttpMethod.Head;
    }
}
