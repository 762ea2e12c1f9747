using System;
using System.Net;
using System.Net.Http;
using System.Security;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>
    /// An outbound proxy for every HTTP client of one connection (ShareFile, Graph, Entra token requests, Blob
    /// Storage). Unset, the platform default applies (HTTPS_PROXY/HTTP_PROXY/NO_PROXY on .NET, the system proxy on
    /// .NET Framework). The password stays a <see cref="SecureString"/> inside a <see cref="NetworkCredential"/>
    /// and never appears in <see cref="ToString"/>. See docs/proxy.md.
    /// </summary>
    public sealed class ProxySettings
    {
        /// <summary>The proxy (http://host:port); null = the platform's proxy.</summary>
        public Uri Address { get; set; }

        /// <summary>Basic/NTLM/Negotiate user for the proxy; with <see cref="Password"/>.</summary>
        public string UserName { get; set; }

        public SecureString Password { get; set; }

        /// <summary>Sign in to the proxy as the current Windows user (NTLM/Negotiate).</summary>
        public bool UseDefaultCredentials { get; set; }

        private bool HasCredential => !string.IsNullOrEmpty(UserName);

        /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
        public void Validate()
        {
            if (Address != null)
            {
                if (!Address.IsAbsoluteUri || (Address.Scheme != Uri.UriSchemeHttp && Address.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(Address.UserInfo))
                    throw new ArgumentException($"Proxy '{Redacted(Address)}' must be an absolute http:// or https:// address without a user name or password in it (use -ProxyCredential).");
            }

            if (HasCredential && UseDefaultCredentials)
                throw new ArgumentException("Proxy: give either a proxy credential or -ProxyUseDefaultCredentials, not both.");
        }

        /// <summary>
        /// A handler for one client: the explicit proxy, or the platform's proxy with these credentials, under a
        /// <see cref="ProxyErrorHandler"/>; <paramref name="configure"/> sets the client's own handler options.
        /// </summary>
        internal HttpMessageHandler CreateHandler(Action<HttpClientHandler> configure = null)
        {
            Validate();
            var handler = new HttpClientHandler();
            configure?.Invoke(handler);
            var credentials = Credentials();
            if (Address != null)
            {
                // An explicit proxy carries every request, loopback targets included (the emulator in the tests).
                handler.Proxy = new WebProxy(Address) { BypassProxyOnLocal = false, Credentials = credentials };
                handler.UseProxy = true;
            }
            else if (credentials != null)
            {
                handler.DefaultProxyCredentials = credentials;
            }

            return new ProxyErrorHandler(this, handler);
        }

        /// <summary>The handler for these settings, or null when none are set (the caller keeps its default).</summary>
        internal static HttpMessageHandler CreateHandlerOrNull(ProxySettings settings, Action<HttpClientHandler> configure = null) =>
            settings?.CreateHandler(configure);

        /// <summary>What to tell the user when a proxy answered 407 Proxy Authentication Required.</summary>
        internal static string AuthenticationRequired(ProxySettings settings, string request)
        {
            var which = settings == null ? "the platform's proxy" : "the proxy " + settings;
            var given = settings != null && (settings.HasCredential || settings.UseDefaultCredentials);
            return given
                ? $"{request}: {which} refused the proxy credential (407 Proxy Authentication Required). Check -ProxyCredential."
                : $"{request}: {which} requires authentication (407 Proxy Authentication Required). Give -ProxyCredential, or -ProxyUseDefaultCredentials to sign in as the current Windows user.";
        }

        private ICredentials Credentials()
        {
            if (UseDefaultCredentials) return CredentialCache.DefaultCredentials;
            if (HasCredential) return new NetworkCredential(UserName, Password ?? new SecureString());
            return null;
        }

        private static string Redacted(Uri uri) =>
            string.IsNullOrEmpty(uri.UserInfo) ? uri.ToString() : uri.ToString().Replace(uri.UserInfo + "@", "***@");

        public override string ToString()
        {
            var via = Address != null ? Redacted(Address) : "the platform's proxy";
            if (UseDefaultCredentials) return $"{via} as the current user";
            return HasCredential ? $"{via} as {UserName}" : via;
        }
    }
}
