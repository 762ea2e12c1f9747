using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>
    /// MSAL accepts only https authorities. For an http authority on a loopback address (the emulator) the credential is
    /// given the https form of the address and this handler sends those requests as plain http to that one host and
    /// port; every other request passes untouched. Never used for a non-loopback authority.
    /// </summary>
    internal sealed class LoopbackAuthorityHandler : DelegatingHandler
    {
        private readonly Uri _authority;

        public LoopbackAuthorityHandler(Uri httpLoopbackAuthority, HttpMessageHandler inner) : base(inner)
        {
            _authority = httpLoopbackAuthority;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri;
            if (uri != null && uri.Scheme == Uri.UriSchemeHttps
                && string.Equals(uri.Host, _authority.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == _authority.Port)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = _authority.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
