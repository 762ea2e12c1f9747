using System;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Maps a ShareFile error response (docs/sharefile-api.md, 'Errors') to <see cref="ShareFileApiException"/>.</summary>
    internal static class ShareFileErrors
    {
        public static ShareFileApiException FromResponse(HttpResponseMessage response, string body, HttpMethod method, Uri uri, Uri apiBase)
        {
            var status = (int)response.StatusCode;
            string code = null;
            string serverMessage = null;
            var reason = ShareFileErrorReason.Unspecified;

            JObject json = null;
            try
            {
                json = string.IsNullOrWhiteSpace(body) ? null : ShareFileJson.Parse(body) as JObject;
            }
            catch (JsonException)
            {
                // Not JSON (proxy page, HTML error): keep the status only.
            }

            if (json != null)
            {
                code = ShareFileJson.String(json, "code");
                var message = ShareFileJson.Property(json, "message");
                serverMessage = message is JObject localized ? ShareFileJson.String(localized, "value")
                    : message?.Type == JTokenType.String ? (string)message : null;
                reason = ParseReason(ShareFileJson.String(json, "reason"));
            }

            var path = PathOf(uri, apiBase);
            if (status >= 300 && status < 400)
            {
                var location = response.Headers.Location;
                if (location != null && location.IsAbsoluteUri && location.Host.StartsWith("maintenance.", StringComparison.OrdinalIgnoreCase))
                {
                    return new ShareFileApiException(
                        $"ShareFile is down for maintenance ({method.Method} {path} was redirected to {location.Host}). Retry later.",
                        status, code, ShareFileErrorReason.MaintenanceMode, serverMessage, method.Method, path);
                }

                return new ShareFileApiException(
                    $"ShareFile redirected {method.Method} {path} to "
                        + $"{(location == null ? "an unnamed location" : location.GetLeftPart(UriPartial.Authority))}; redirects are not followed. "
                            + "Check the subdomain and control plane.",
                    status, code, reason, serverMessage, method.Method, path);
            }

            var text = $"ShareFile {method.Method} {path} failed: {status} {code ?? response.ReasonPhrase}"
                + (reason == ShareFileErrorReason.Unspecified ? string.Empty : $" (reason {reason})")
                + (string.IsNullOrWhiteSpace(serverMessage) ? "." : ": " + SecretRedactor.Redact(serverMessage));
            return new ShareFileApiException(text, status, code, reason, serverMessage, method.Method, path);
        }

        internal static ShareFileErrorReason ParseReason(string reason)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return ShareFileErrorReason.Unspecified;
            }

            // Names only: Enum.TryParse would also accept numbers.
            foreach (ShareFileErrorReason value in Enum.GetValues(typeof(ShareFileErrorReason)))
            {
                if (string.Equals(value.ToString(), reason.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return ShareFileErrorReason.Unspecified;
        }

        private static string PathOf(Uri uri, Uri apiBase)
        {
            var path = uri.AbsolutePath;
            if (apiBase != null && path.StartsWith(apiBase.AbsolutePath, StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(apiBase.AbsolutePath.Length);
            }

            return SecretRedactor.Redact(Uri.UnescapeDataString(path) + uri.Query);
        }
    }
}
