using System;
using System.Linq;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// Turns the settings into the token URL and, once a token names its control planes, the API base
    /// (docs/sharefile-api.md, 'Hosts and the API base').
    /// Explicit overrides win; otherwise token = https://{sub}.{appcp}/oauth/token, API = https://{sub}.{apicp}/sf/v3/.
    /// </summary>
    internal static class ShareFileEndpoints
    {
        internal const string DefaultAppControlPlane = "sharefile.com";

        /// <summary>Parsed account host: "contoso" + "sharefile.com".</summary>
        internal sealed class AccountHost
        {
            public AccountHost(string subdomain, string appControlPlane)
            {
                Subdomain = subdomain;
                AppControlPlane = appControlPlane;
            }

            public string Subdomain { get; }

            public string AppControlPlane { get; }

            /// <summary>Best guess before a token arrives: sharefile.X → sf-api.X.</summary>
            public string GuessedApiControlPlane => ApiControlPlaneFor(AppControlPlane);
        }

        /// <summary>
        /// Accepts "contoso", "contoso.sharefile.com", "contoso.sharefile.eu", "contoso.sf-api.com" or a URL such as
        /// "https://contoso.sharefile.com/"; the first label is the subdomain, the rest must be a ShareFile control
        /// plane (<see cref="ShareFileControlPlanes"/>). Anything else is refused before any network use.
        /// </summary>
        public static AccountHost ParseAccountHost(string input)
        {
            var text = HostText(input ?? string.Empty);
            var labels = text.Split('.');
            var bad = labels.FirstOrDefault(l => !ShareFileControlPlanes.IsDnsLabel(l));
            if (bad != null)
            {
                throw InvalidSubdomain(input, bad.Length == 0 ? "it has an empty label" : $"'{ShareFileControlPlanes.Printable(bad)}' is not a DNS "
                    + "label (letters, digits and inner hyphens only)");
            }

            if (labels.Length == 1)
            {
                return new AccountHost(labels[0], DefaultAppControlPlane);
            }

            var domain = text.Substring(labels[0].Length + 1);
            if (!ShareFileControlPlanes.IsAllowed(domain))
            {
                // "sharefile.com" alone names no account; "acme.sharefile.com.evil.net" is not ShareFile.
                var cause = ShareFileControlPlanes.IsAllowed(text)
                    ? "it names a control plane but no account"
                    : $"'{domain}' is not a ShareFile domain ({ShareFileControlPlanes.AllowedList})";
                throw InvalidSubdomain(input, cause);
            }

            return new AccountHost(labels[0], AppControlPlaneFor(domain));
        }

        /// <summary>The host part of a subdomain input: a bare host, or an https URL with no path, port, user or query.</summary>
        private static string HostText(string input)
        {
            var text = input.Trim();
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                {
                    throw InvalidSubdomain(input, "it is not an https URL");
                }

                if (url.UserInfo.Length > 0 || !url.IsDefaultPort || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0)
                {
                    throw InvalidSubdomain(input, "a URL may name only the host (no user, port, path or query)");
                }

                text = url.Host;
            }
            else if (text.IndexOfAny(new[] { '/', '\\', '@', ':', '?', '#' }) >= 0 || text.Any(char.IsWhiteSpace))
            {
                throw InvalidSubdomain(input, "it contains a path, user, port or space; give the account name or its host only");
            }

            text = text.TrimEnd('.').ToLowerInvariant();
            if (text.Length == 0)
            {
                throw InvalidSubdomain(input, "it is empty");
            }

            return text;
        }

        /// <summary>sf-api.com → sharefile.com, sf-apitest.com → sharefiletest.com; other domains are taken as given.</summary>
        internal static string AppControlPlaneFor(string domain)
        {
            return domain.StartsWith("sf-api", StringComparison.Ordinal) ? "sharefile" + domain.Substring("sf-api".Length) : domain;
        }

        internal static string ApiControlPlaneFor(string appControlPlane)
        {
            return appControlPlane.StartsWith("sharefile", StringComparison.Ordinal)
                ? "sf-api" + appControlPlane.Substring("sharefile".Length)
                : appControlPlane;
        }

        public static Uri ResolveTokenUri(ShareFileConnectionSettings settings)
        {
            if (settings.TokenUrlOverride != null)
            {
                return RequireSecureOrLoopback(settings.TokenUrlOverride, nameof(settings.TokenUrlOverride));
            }

            if (settings.BaseAddressOverride != null)
            {
                return new Uri(AsBase(RequireSecureOrLoopback(settings.BaseAddressOverride, nameof(settings.BaseAddressOverride))), "oauth/token");
            }

            var host = ParseAccountHost(settings.Subdomain);
            return new Uri($"https://{host.Subdomain}.{host.AppControlPlane}/oauth/token");
        }

        /// <summary>The API base once a token is known; the token's subdomain and apicp are used unless overridden.</summary>
        public static Uri ResolveApiBase(ShareFileConnectionSettings settings, string tokenSubdomain, string tokenApiControlPlane,
            string tokenAppControlPlane = null)
        {
            if (settings.ApiBaseUrlOverride != null)
            {
                return AsBase(RequireSecureOrLoopback(settings.ApiBaseUrlOverride, nameof(settings.ApiBaseUrlOverride)));
            }

            if (settings.BaseAddressOverride != null)
            {
                return new Uri(AsBase(RequireSecureOrLoopback(settings.BaseAddressOverride, nameof(settings.BaseAddressOverride))), "sf/v3/");
            }

            AccountHost input = string.IsNullOrWhiteSpace(settings.Subdomain) ? null : ParseAccountHost(settings.Subdomain);
            var subdomain = ShareFileControlPlanes.CheckTokenValue("subdomain", tokenSubdomain, isSubdomain: true) ?? input?.Subdomain;
            var apicp = ShareFileControlPlanes.CheckTokenValue("apicp", tokenApiControlPlane, isSubdomain: false) ?? input?.GuessedApiControlPlane;
            // Not used for an address today, but a token naming a foreign application control plane is not ShareFile's.
            ShareFileControlPlanes.CheckTokenValue("appcp", tokenAppControlPlane, isSubdomain: false);
            if (subdomain == null || apicp == null)
            {
                throw new InvalidOperationException("The ShareFile token named no subdomain/apicp and no API base override is set; cannot build the "
                    + "API address.");
            }

            return new Uri($"https://{subdomain}.{apicp}/sf/v3/");
        }

        /// <summary>https is required except for loopback hosts (127.0.0.0/8, ::1, localhost), where http serves local emulators.</summary>
        public static Uri RequireSecureOrLoopback(Uri uri, string settingName)
        {
            if (uri == null)
            {
                return null;
            }

            if (!uri.IsAbsoluteUri)
            {
                throw new ArgumentException($"ShareFile connection: {settingName} '{uri}' must be an absolute URL.");
            }

            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                return uri;
            }

            if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            {
                return uri;
            }

            throw new ArgumentException(
                $"ShareFile connection: {settingName} '{uri.GetLeftPart(UriPartial.Authority)}' must use https; plain http is allowed only for "
                    + "loopback hosts (localhost, 127.0.0.0/8, ::1).");
        }

        internal static Uri AsBase(Uri uri)
        {
            var text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        private static ArgumentException InvalidSubdomain(string input, string cause)
        {
            return new ArgumentException(
                $"ShareFile subdomain '{ShareFileControlPlanes.Printable(input ?? string.Empty)}' is refused: {cause}. Expected an account name such "
                    + "as 'contoso' or a host such as 'contoso.sharefile.com' or 'contoso.sharefile.eu'.");
        }
    }
}
