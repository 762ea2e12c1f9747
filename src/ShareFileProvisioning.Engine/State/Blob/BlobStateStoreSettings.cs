using System;
using System.Globalization;
using System.Security;
using System.Text;
using Azure.Core;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>How a <see cref="BlobStateStore"/> signs in.</summary>
    public enum BlobStateAuthentication
    {
        /// <summary>The Azure Automation / Azure VM managed identity (Storage Blob Data Contributor on the container).</summary>
        ManagedIdentity,
        /// <summary>A SAS token (or a whole SAS URL) for the container.</summary>
        SasToken,
        /// <summary>A storage account connection string (account key or SAS inside).</summary>
        ConnectionString,
        /// <summary>A credential object given by engine code (tests, a host that already signed in).</summary>
        TokenCredential,
    }

    /// <summary>
    /// Where and how to reach a profile's blob container. Exactly one way of signing in is filled;
    /// <see cref="Authentication"/> says which. Secrets stay SecureString until the client is built and never appear
    /// in <see cref="ToString"/>, <see cref="BlobStateStore.Location"/> or messages.
    /// </summary>
    public sealed class BlobStateStoreSettings
    {
        /// <summary>Azure allows lease durations of 15 to 60 seconds (or infinite, which a crashed job would never free).</summary>
        public static readonly TimeSpan MinimumLeaseDuration = TimeSpan.FromSeconds(15);

        public static readonly TimeSpan MaximumLeaseDuration = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The container URL (https://account.blob.core.windows.net/container), or the account URL when the container
        /// name comes from <see cref="ContainerName"/> or the profile. Any query string is ignored: SAS goes in <see cref="SasToken"/>.
        /// </summary>
        public Uri ContainerUri { get; set; }

        /// <summary>The container, when <see cref="ContainerUri"/> names the account or a connection string is used.</summary>
        public string ContainerName { get; set; }

        public bool ManagedIdentity { get; set; }

        /// <summary>Client id of a user-assigned managed identity; null = system-assigned.</summary>
        public string ManagedIdentityClientId { get; set; }

        /// <summary>A SAS token ("sv=…&amp;sig=…", with or without '?'), or a whole SAS URL of the container.</summary>
        public SecureString SasToken { get; set; }

        public SecureString ConnectionString { get; set; }

        /// <summary>Outbound proxy for the blob requests; null = the platform default.</summary>
        public Http.ProxySettings Proxy { get; set; }

        /// <summary>Engine-internal: a ready credential (tests, or a host that already holds one).</summary>
        internal TokenCredential Credential { get; set; }

        /// <summary>How long the lock's lease lasts without renewal: a crashed job's lock frees after this. 15–60 s; default 60 s.</summary>
        public TimeSpan LeaseDuration { get; set; } = MaximumLeaseDuration;

        public BlobStateAuthentication Authentication
        {
            get
            {
                if (ConnectionString != null) return BlobStateAuthentication.ConnectionString;
                if (SasToken != null) return BlobStateAuthentication.SasToken;
                if (Credential != null) return BlobStateAuthentication.TokenCredential;
                return BlobStateAuthentication.ManagedIdentity;
            }
        }

        /// <summary>A copy with the container name filled from the profile when neither the URL nor <see cref="ContainerName"/> names one.</summary>
        public BlobStateStoreSettings ForProfile(string profileName)
        {
            var copy = (BlobStateStoreSettings)MemberwiseClone();
            if (string.IsNullOrEmpty(copy.ContainerName) && !UriNamesContainer(copy.ContainerUri) && !SasTokenIsUrl(copy.SasToken))
                copy.ContainerName = DefaultContainerName(profileName);
            return copy;
        }

        /// <summary>"sfprov-" + the profile name in container syntax (lower-case letters, digits, single hyphens; 3–63 chars).</summary>
        public static string DefaultContainerName(string profileName)
        {
            if (string.IsNullOrWhiteSpace(profileName)) throw new ArgumentException("The profile name must not be empty.", nameof(profileName));
            var name = new StringBuilder("sfprov-");
            foreach (var c in profileName.ToLowerInvariant())
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (ok) name.Append(c);
                else if (name[name.Length - 1] != '-') name.Append('-');
            }
            var result = name.ToString().TrimEnd('-');
            if (result.Length > 63) result = result.Substring(0, 63).TrimEnd('-');
            return result;
        }

        /// <summary>The first problem that stops a store from being built, or null.</summary>
        public string Validate()
        {
            var ways = (ConnectionString != null ? 1 : 0) + (SasToken != null ? 1 : 0) + (Credential != null ? 1 : 0) + (ManagedIdentity ? 1 : 0);
            if (ways > 1) return "Blob state settings name more than one way of signing in (managed identity, SAS token, connection string): give exactly one.";
            if (ways == 0) return "Blob state settings name no way of signing in: give a managed identity, a SAS token or a connection string.";
            if (LeaseDuration < MinimumLeaseDuration || LeaseDuration > MaximumLeaseDuration)
                return string.Format(CultureInfo.InvariantCulture, "The blob lock lease duration {0:0} s is outside the 15–60 s Azure allows.", LeaseDuration.TotalSeconds);
            if (ConnectionString == null && ContainerUri == null && !SasTokenIsUrl(SasToken))
                return "Blob state settings need the container URL (https://<account>.blob.core.windows.net/<container>).";
            if (ContainerUri != null && !ContainerUri.IsAbsoluteUri)
                return $"The blob container URL '{ContainerUri.OriginalString}' is not an absolute URL.";
            if (ContainerUri != null && !BlobEndpointPolicy.IsSecureOrLoopback(ContainerUri))
                return BlobEndpointPolicy.Refusal("container URL", ContainerUri);
            var endpointProblem = BlobEndpointPolicy.SasUrlProblem(SasToken) ?? BlobEndpointPolicy.ConnectionStringProblem(ConnectionString);
            if (endpointProblem != null) return endpointProblem;
            if (ConnectionString != null && string.IsNullOrEmpty(ContainerName) && !UriNamesContainer(ContainerUri))
                return "Blob state settings with a connection string need the container name.";
            var proxyProblem = ProxyProblem();
            if (proxyProblem != null) return proxyProblem;
            if (!string.IsNullOrEmpty(ContainerName) && !IsValidContainerName(ContainerName))
                return $"'{ContainerName}' is not a valid blob container name (3–63 lower-case letters, digits and single hyphens, starting with a letter or digit).";
            return null;
        }

        private string ProxyProblem()
        {
            try
            {
                Proxy?.Validate();
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        internal static bool UriNamesContainer(Uri uri) =>
            uri != null && uri.IsAbsoluteUri && ContainerSegment(uri) != null;

        /// <summary>The container segment of a container URL; Azurite-style URLs (host:port/account/container) have two segments.</summary>
        internal static string ContainerSegment(Uri uri)
        {
            var segments = uri.AbsolutePath.Trim('/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var isPathStyle = uri.IsLoopback || uri.HostNameType == UriHostNameType.IPv4 || uri.HostNameType == UriHostNameType.IPv6;
            var index = isPathStyle ? 1 : 0;
            return segments.Length > index ? segments[index] : null;
        }

        internal static bool SasTokenIsUrl(SecureString sas)
        {
            if (sas == null) return false;
            var text = ShareFile.SecureStrings.Unwrap(sas);
            return text != null && text.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase);
        }

        internal static bool IsValidContainerName(string name)
        {
            if (name.Length < 3 || name.Length > 63 || name.Contains("--") || name[0] == '-' || name[name.Length - 1] == '-') return false;
            foreach (var c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }
            return true;
        }

        /// <summary>The container URL without any query (no secrets).</summary>
        internal static string WithoutQuery(Uri uri) =>
            uri == null ? null : uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

        public override string ToString() =>
            $"Azure Blob state at {WithoutQuery(ContainerUri) ?? "(connection string account)"}{(string.IsNullOrEmpty(ContainerName) ? "" : " container " + ContainerName)} ({Authentication})";
    }
}
