using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>Builds the Azure.Identity credential for each sign-in mode. Unattended modes never prompt.</summary>
    internal static class SourceCredentialFactory
    {
        public static TokenCredential Create(SourceSignInSettings s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            switch (s.Mode)
            {
                case SourceAuthenticationMode.AccessToken:
                    return new StaticTokenCredential(SecureStrings.Unwrap(s.AccessToken));
                case SourceAuthenticationMode.ManagedIdentity:
                    // Azure Automation and App Service expose IDENTITY_ENDPOINT/IDENTITY_HEADER; Azure.Identity reads them here.
                    var id = string.IsNullOrEmpty(s.ManagedIdentityClientId)
                        ? ManagedIdentityId.SystemAssigned
                        : ManagedIdentityId.FromUserAssignedClientId(s.ManagedIdentityClientId);
                    return new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(id));
                case SourceAuthenticationMode.DeviceCode:
                    Require(s.ClientId, "ClientId", "device code");
                    var prompt = s.DeviceCodePrompt;
                    return new DeviceCodeCredential(Options(new DeviceCodeCredentialOptions
                    {
                        TenantId = s.TenantId,
                        ClientId = s.ClientId,
                        DeviceCodeCallback = (info, ct) =>
                        {
                            prompt?.Invoke(info.Message);
                            return Task.CompletedTask;
                        },
                    }, s));
                case SourceAuthenticationMode.Certificate:
                    Require(s.TenantId, "TenantId", "certificate");
                    Require(s.ClientId, "ClientId", "certificate");
                    var certOptions = Options(new ClientCertificateCredentialOptions(), s);
                    if (IsPem(s))
                    {
                        // netstandard2.0 has no PEM loader; Azure.Identity reads a PEM certificate + unencrypted key itself.
                        if (!File.Exists(s.CertificatePath)) throw new ArgumentException($"Certificate file '{s.CertificatePath}' was not found.");
                        if (s.CertificatePassword != null)
                            throw new ArgumentException($"Certificate file '{s.CertificatePath}': encrypted PEM keys are not supported; use a .pfx with a password.");
                        return new ClientCertificateCredential(s.TenantId, s.ClientId, s.CertificatePath, certOptions);
                    }

                    return new ClientCertificateCredential(s.TenantId, s.ClientId, LoadCertificate(s), certOptions);
                default:
                    Require(s.TenantId, "TenantId", "client secret");
                    Require(s.ClientId, "ClientId", "client secret");
                    if (s.ClientSecret == null || s.ClientSecret.Length == 0)
                        throw new ArgumentException("Client-secret sign-in needs a ClientSecret (or choose another sign-in mode).");
                    return new ClientSecretCredential(s.TenantId, s.ClientId, SecureStrings.Unwrap(s.ClientSecret),
                        Options(new ClientSecretCredentialOptions(), s));
            }
        }

        private static void Require(string value, string name, string mode)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{char.ToUpperInvariant(mode[0])}{mode.Substring(1)} sign-in needs {name}.");
        }

        /// <summary>
        /// Authority override: https as given; http only on loopback (emulator), through <see cref="LoopbackAuthorityHandler"/>.
        /// A proxy carries the token requests too. Managed identity never gets one: its endpoint is on the host itself.
        /// </summary>
        private static T Options<T>(T options, SourceSignInSettings s) where T : TokenCredentialOptions
        {
            var authorityHost = s.AuthorityHost;
            var proxied = Http.ProxySettings.CreateHandlerOrNull(s.Proxy);
            if (authorityHost == null || authorityHost.Scheme == Uri.UriSchemeHttps)
            {
                if (authorityHost != null) options.AuthorityHost = authorityHost;
                if (proxied != null) options.Transport = new HttpClientTransport(proxied);
                return options;
            }

            if (authorityHost.Scheme != Uri.UriSchemeHttp || !LoopbackAuthorityHandler.IsLoopback(authorityHost))
                throw new ArgumentException($"AuthorityHost '{authorityHost}' must be https (plain http is allowed only for a loopback emulator).");
            options.AuthorityHost = new UriBuilder(authorityHost) { Scheme = Uri.UriSchemeHttps, Port = authorityHost.Port }.Uri;
            options.Transport = new HttpClientTransport(new HttpClient(new LoopbackAuthorityHandler(authorityHost, proxied ?? new HttpClientHandler())));
            // A private authority is not in Microsoft's instance-discovery list.
            switch (options)
            {
                case ClientSecretCredentialOptions o: o.DisableInstanceDiscovery = true; break;
                case ClientCertificateCredentialOptions o: o.DisableInstanceDiscovery = true; break;
                case DeviceCodeCredentialOptions o: o.DisableInstanceDiscovery = true; break;
            }

            return options;
        }

        private static bool IsPem(SourceSignInSettings s) =>
            s.Certificate == null && string.IsNullOrEmpty(s.CertificateThumbprint) && s.CertificatePath != null
            && Path.GetExtension(s.CertificatePath).Equals(".pem", StringComparison.OrdinalIgnoreCase);

        internal static X509Certificate2 LoadCertificate(SourceSignInSettings s)
        {
            if (s.Certificate != null)
            {
                if (!s.Certificate.HasPrivateKey) throw new ArgumentException($"Certificate {s.Certificate.Thumbprint} has no private key; app sign-in needs one.");
                return s.Certificate;
            }

            if (!string.IsNullOrEmpty(s.CertificateThumbprint)) return FromStore(s.CertificateThumbprint);

            var path = s.CertificatePath;
            if (!File.Exists(path)) throw new ArgumentException($"Certificate file '{path}' was not found.");
            X509Certificate2 cert;
            try
            {
                cert = new X509Certificate2(path, SecureStrings.Unwrap(s.CertificatePassword), X509KeyStorageFlags.Exportable);
            }
            catch (CryptographicException e)
            {
                // The message says what is wrong with the file (bad password, not a certificate); never the password.
                throw new ArgumentException($"Certificate file '{path}' could not be read: {e.Message}", e);
            }

            if (!cert.HasPrivateKey) throw new ArgumentException($"Certificate file '{path}' holds no private key; app sign-in needs one.");
            return cert;
        }

        private static X509Certificate2 FromStore(string thumbprint)
        {
            thumbprint = thumbprint.Replace(" ", string.Empty).ToUpperInvariant();
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                try
                {
                    using (var store = new X509Store(StoreName.My, location))
                    {
                        store.Open(OpenFlags.ReadOnly);
                        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                        foreach (var c in found)
                        {
                            if (c.HasPrivateKey) return c;
                        }
                    }
                }
                catch (CryptographicException)
                {
                    // A store that does not exist on this platform (LocalMachine on Linux): try the next.
                }
            }

            throw new ArgumentException($"No certificate with thumbprint {thumbprint} and a private key was found in CurrentUser\\My or LocalMachine\\My.");
        }
    }
}
