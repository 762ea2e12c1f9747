using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// Outermost handler of every client that has explicit proxy settings: a 407 (the proxy's answer, never a
    /// service's) and a transport failure both become an <see cref="HttpRequestException"/> that names the proxy and
    /// what to give, so ShareFile, Graph and Entra sign-in errors all say it. Never includes the password.
    /// </summary>
    internal sealed class ProxyErrorHandler : DelegatingHandler
    {
        private readonly ProxySettings _settings;

        public ProxyErrorHandler(ProxySettings settings, HttpMessageHandler inner) : base(inner)
        {
            _settings = settings;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when ((e is HttpRequestException || e is IOException) && !cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException($"{e.Message} (sent through the proxy {_settings}: check its address and, if it requires authentication, -ProxyCredential or -ProxyUseDefaultCredentials)", e);
            }

            if ((int)response.StatusCode != 407) return response;
            response.Dispose();
            throw new HttpRequestException(ProxySettings.AuthenticationRequired(_settings, request.Method + " " + request.RequestUri.GetLeftPart(UriPartial.Path)));
        }
    }
}
