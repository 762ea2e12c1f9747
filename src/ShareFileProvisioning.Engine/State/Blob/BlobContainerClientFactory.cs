using System;
using Azure;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage.Blobs;
using ShareFileProvisioning.Engine.Http;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>Builds the container client for each way of signing in. Secrets are unwrapped here and go no further.</summary>
    internal static class BlobContainerClientFactory
    {
        public static BlobContainerClient Create(BlobStateStoreSettings s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            var problem = s.Validate();
            if (problem != null) throw new ArgumentException(problem, nameof(s));
            var options = new BlobClientOptions();
            // The SDK's own retry policy (exponential, honours Retry-After) handles transient 5xx and timeouts.
            options.Retry.MaxRetries = 3;
            options.Retry.Delay = TimeSpan.FromMilliseconds(500);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
            // Managed identity's own token requests stay off the proxy (its endpoint is on the host); the blob calls go through it.
            var proxied = ProxySettings.CreateHandlerOrNull(s.Proxy);
            if (proxied != null) options.Transport = new HttpClientTransport(proxied);

            switch (s.Authentication)
            {
                case BlobStateAuthentication.ConnectionString:
                    var name = !string.IsNullOrEmpty(s.ContainerName) ? s.ContainerName : BlobStateStoreSettings.ContainerSegment(s.ContainerUri);
                    return new BlobServiceClient(SecureStrings.Unwrap(s.ConnectionString), options).GetBlobContainerClient(name);
                case BlobStateAuthentication.SasToken:
                    var sas = SecureStrings.Unwrap(s.SasToken).Trim();
                    if (sas.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return new BlobContainerClient(new Uri(sas), options);
                    return new BlobContainerClient(ContainerUri(s), new AzureSasCredential(sas.TrimStart('?')), options);
                case BlobStateAuthentication.TokenCredential:
                    return new BlobContainerClient(ContainerUri(s), s.Credential, options);
                default:
                    // Azure Automation exposes IDENTITY_ENDPOINT/IDENTITY_HEADER; Azure.Identity reads them.
                    var id = string.IsNullOrEmpty(s.ManagedIdentityClientId)
                        ? ManagedIdentityId.SystemAssigned
                        : ManagedIdentityId.FromUserAssignedClientId(s.ManagedIdentityClientId);
                    return new BlobContainerClient(ContainerUri(s), new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(id)), options);
            }
        }

        /// <summary>The container URL without a query, with <see cref="BlobStateStoreSettings.ContainerName"/> appended when the URL names only the account.</summary>
        private static Uri ContainerUri(BlobStateStoreSettings s)
        {
            var bare = BlobStateStoreSettings.WithoutQuery(s.ContainerUri);
            if (BlobStateStoreSettings.UriNamesContainer(s.ContainerUri)) return new Uri(bare);
            return new Uri(bare + "/" + s.ContainerName);
        }
    }
}
