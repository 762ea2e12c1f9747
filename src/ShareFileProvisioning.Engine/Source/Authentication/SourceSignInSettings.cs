using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>
    /// Everything needed to sign in to Graph. Exactly one way of signing in is filled; <see cref="Mode"/> says which.
    /// Secrets stay SecureString until the credential is built and never appear in <see cref="ToString"/>.
    /// </summary>
    public sealed class SourceSignInSettings
    {
        public string TenantId { get; set; }

        /// <summary>The app registration that signs in (client secret, certificate, device code).</summary>
        public string ClientId { get; set; }

        public SecureString ClientSecret { get; set; }

        /// <summary>A certificate in CurrentUser\My or LocalMachine\My with its private key.</summary>
        public string CertificateThumbprint { get; set; }

        /// <summary>A .pfx/.p12 (optionally with <see cref="CertificatePassword"/>) or an unencrypted .pem with the key.</summary>
        public string CertificatePath { get; set; }

        public SecureString CertificatePassword { get; set; }

        public X509Certificate2 Certificate { get; set; }

        public bool ManagedIdentity { get; set; }

        /// <summary>Client id of a user-assigned managed identity; null = system-assigned.</summary>
        public string ManagedIdentityClientId { get; set; }

        public bool DeviceCode { get; set; }

        /// <summary>Receives the device-code prompt ("To sign in, use a web browser to open …").</summary>
        public Action<string> DeviceCodePrompt { get; set; }

        /// <summary>A Graph access token obtained elsewhere (Connect-MgGraph, Get-AzAccessToken).</summary>
        public SecureString AccessToken { get; set; }

        /// <summary>Graph root including the version, default https://graph.microsoft.com/v1.0 (emulator: http://127.0.0.1:port/v1.0).</summary>
        public Uri GraphBaseUri { get; set; }

        /// <summary>Entra authority host, default https://login.microsoftonline.com/ (emulator: its http loopback origin).</summary>
        public Uri AuthorityHost { get; set; }

        /// <summary>Outbound proxy for Graph and the Entra token requests; null = the platform default.</summary>
        public Http.ProxySettings Proxy { get; set; }

        public SourceAuthenticationMode Mode
        {
            get
            {
                if (AccessToken != null) return SourceAuthenticationMode.AccessToken;
                if (ManagedIdentity) return SourceAuthenticationMode.ManagedIdentity;
                if (DeviceCode) return SourceAuthenticationMode.DeviceCode;
                if (Certificate != null || CertificateThumbprint != null || CertificatePath != null) return SourceAuthenticationMode.Certificate;
                return SourceAuthenticationMode.ClientSecret;
            }
        }

        public override string ToString() => $"{Mode} sign-in to tenant {TenantId ?? "(token's tenant)"}";
    }
}
