using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// The one check every pager (Graph and ShareFile) and every stored link goes through: a link must stay on the
    /// configured origin (scheme, host and port), where the bearer token belongs, and a listing must not serve the same
    /// link twice (it would never end). docs/safety.md.
    /// </summary>
    internal sealed class PageLinkGuard
    {
        private readonly Uri _origin;
        private readonly string _service;
        private readonly Func<string, Exception> _error;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="origin">Any URL on the configured origin (the API base).</param>
        /// <param name="service">"Microsoft Graph" or "ShareFile", for messages.</param>
        /// <param name="error">Builds the caller's exception type from a message.</param>
        public PageLinkGuard(Uri origin, string service, Func<string, Exception> error)
        {
            _origin = origin ?? throw new ArgumentNullException(nameof(origin));
            _service = service;
            _error = error;
        }

        /// <summary>The next page's absolute URL (relative links resolve against <paramref name="current"/>), once checked.</summary>
        public Uri Next(Uri current, string link)
        {
            var next = current == null ? new Uri(link, UriKind.Absolute) : new Uri(current, link);
            var problem = ForeignOriginProblem(next, _origin, $"{_service} returned a next-page link");
            if (problem != null) throw _error(problem);
            if (!_seen.Add(next.AbsoluteUri))
                throw _error($"{_service} repeated the next-page link {SecretRedactor.RedactUrl(next)}; stopping to avoid an endless listing.");
            return next;
        }

        /// <summary>Records the first page's URL so a next link pointing back at it counts as a repeat.</summary>
        public void First(Uri first) => _seen.Add(first.AbsoluteUri);

        /// <summary>Null when <paramref name="link"/> is an absolute URL on <paramref name="origin"/>; else why not.</summary>
        public static string ForeignOriginProblem(Uri link, Uri origin, string what)
        {
            if (link != null && link.IsAbsoluteUri && SameOrigin(link, origin)) return null;
            var where = link != null && link.IsAbsoluteUri ? link.GetLeftPart(UriPartial.Authority) : "a relative or unreadable address";
            return $"{what} to {where}, outside the configured {origin.GetLeftPart(UriPartial.Authority)}; nothing is sent there (the bearer token belongs to the configured host only).";
        }

        private static bool SameOrigin(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
