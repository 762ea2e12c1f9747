using System;
using System.Security;
using Azure.Storage.Blobs;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// Blob state travels with a bearer token, a SAS or an account key: every way of naming the endpoint (container
    /// URL, SAS URL, connection string) must resolve to https, except a loopback host (Azurite). docs/safety.md.
    /// </summary>
    internal static class BlobEndpointPolicy
    {
        public static bool IsSecureOrLoopback(Uri uri) =>
            uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

        public static string Refusal(string what, Uri uri) =>
            $"The blob {what} '{BlobStateStoreSettings.WithoutQuery(uri)}' must use https (plain http only on a loopback host, for Azurite).";

        /// <summary>A SAS given as a whole URL: its scheme counts, not only the container URL's.</summary>
        public static string SasUrlProblem(SecureString sas)
        {
            if (!BlobStateStoreSettings.SasTokenIsUrl(sas)) return null;
            if (!Uri.TryCreate(SecureStrings.Unwrap(sas).Trim(), UriKind.Absolute, out var url))
                return "The blob SAS URL is not an absolute URL.";
            return IsSecureOrLoopback(url) ? null : Refusal("SAS URL", url);
        }

        /// <summary>
        /// The endpoint a connection string resolves to (DefaultEndpointsProtocol, BlobEndpoint or the development
        /// storage shortcut), read by the SDK's own parser; building the client sends nothing.
        /// </summary>
        public static string ConnectionStringProblem(SecureString connectionString)
        {
            if (connectionString == null) return null;
            Uri endpoint;
            try
            {
                endpoint = new BlobServiceClient(SecureStrings.Unwrap(connectionString)).Uri;
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException || e is InvalidOperationException)
            {
                // The SDK's message may quote the string (and its key): say only that it does not parse.
                return "The blob connection string could not be read (expected 'DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…' or a BlobEndpoint with a SAS).";
            }

            return IsSecureOrLoopback(endpoint) ? null : Refusal("endpoint of the connection string", endpoint);
        }
    }
}
