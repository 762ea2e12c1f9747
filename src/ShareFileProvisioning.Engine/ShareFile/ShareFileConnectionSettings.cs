using System;
using System.Security;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// What the client needs to sign in. Secrets are <see cref="SecureString"/> and are unwrapped only while a
    /// token request body is built; <see cref="ToString"/> never shows them.
    /// </summary>
    public sealed class ShareFileConnectionSettings
    {
        /// <summary>Account name ("contoso") or host ("contoso.sharefile.com", "contoso.sharefile.eu").</summary>
        public string Subdomain { get; set; }

        /// <summary>The ShareFile administrator's login (email).</summary>
        public string Username { get; set; }

        public SecureString Password { get; set; }

        /// <summary>OAuth client id of the ShareFile API key.</summary>
        public string ClientId { get; set; }

        public SecureString ClientSecret { get; set; }

        /// <summary>
        /// One origin serving both /oauth/token and /sf/v3/ (the emulator). Wins over the subdomain and over the
        /// control planes in the token; plain http is accepted only for loopback hosts.
        /// </summary>
        public Uri BaseAddressOverride { get; set; }

        /// <summary>Exact token endpoint; wins over everything else for the token request.</summary>
        public Uri TokenUrlOverride { get; set; }

        /// <summary>Exact API base (…/sf/v3/); wins over everything else for API calls.</summary>
        public Uri ApiBaseUrlOverride { get; set; }

        /// <summary>Outbound proxy for the token and API requests; null = the platform default.</summary>
        public Http.ProxySettings Proxy { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> naming the missing or malformed setting.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Subdomain) && BaseAddressOverride == null && TokenUrlOverride == null)
            {
                throw new ArgumentException("ShareFile connection: Subdomain is required (e.g. 'contoso' or 'contoso.sharefile.com').");
            }

            if (string.IsNullOrWhiteSpace(Username))
            {
                throw new ArgumentException("ShareFile connection: Username (the administrator's email) is required.");
            }

            if (Password == null || Password.Length == 0)
            {
                throw new ArgumentException($"ShareFile connection: Password for '{Username}' is required.");
            }

            if (string.IsNullOrWhiteSpace(ClientId))
            {
                throw new ArgumentException("ShareFile connection: ClientId (the OAuth client id of the API key) is required.");
            }

            if (ClientSecret == null || ClientSecret.Length == 0)
            {
                throw new ArgumentException($"ShareFile connection: ClientSecret for client id '{ClientId}' is required.");
            }

            if (!string.IsNullOrWhiteSpace(Subdomain))
            {
                ShareFileEndpoints.ParseAccountHost(Subdomain);
            }

            ShareFileEndpoints.RequireSecureOrLoopback(BaseAddressOverride, nameof(BaseAddressOverride));
            ShareFileEndpoints.RequireSecureOrLoopback(TokenUrlOverride, nameof(TokenUrlOverride));
            ShareFileEndpoints.RequireSecureOrLoopback(ApiBaseUrlOverride, nameof(ApiBaseUrlOverride));
            Proxy?.Validate();
        }

        public override string ToString()
        {
            var target = BaseAddressOverride != null ? BaseAddressOverride.ToString() : Subdomain;
            return $"ShareFile {target} as {Username} (client id {ClientId})";
        }
    }
}
