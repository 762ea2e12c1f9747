using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// The domains ShareFile serves accounts from (docs/safety.md): a host built from a subdomain, or from the
    /// control planes a token response names, must end in one of these, so credentials and bearer tokens only go to
    /// ShareFile. Only an explicit base/token URL override may point elsewhere.
    /// </summary>
    internal static class ShareFileControlPlanes
    {
        private static readonly HashSet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "sharefile.com", "sharefile.eu", "sf-api.com", "sf-api.eu", "securevdr.com", "citrixdata.com",
            "sharefiletest.com", "sf-apitest.com", "sharefiledev.com", "sf-apidev.com",
        };

        private static readonly Regex Label = new Regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);

        public static string AllowedList => string.Join(", ", Allowed.OrderBy(d => d, StringComparer.Ordinal));

        public static bool IsAllowed(string domain) => domain != null && Allowed.Contains(domain);

        /// <summary>One DNS label: letters, digits and inner hyphens, at most 63 characters.</summary>
        public static bool IsDnsLabel(string value) => value != null && Label.IsMatch(value);

        /// <summary>
        /// The token response's subdomain, apicp and appcp, each checked; null stays null (the caller falls back to
        /// what the user typed). Anything else is refused: the API base would be built from it.
        /// </summary>
        public static string CheckTokenValue(string field, string value, bool isSubdomain)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var lower = value.Trim().ToLowerInvariant();
            var valid = isSubdomain ? IsDnsLabel(lower) : IsAllowed(lower);
            if (!valid)
            {
                var expected = isSubdomain ? "a single DNS label (letters, digits, hyphens)" : "one of " + AllowedList;
                throw new ShareFileAuthenticationException(
                    $"The ShareFile token response names {field} '{Printable(value)}', which is not {expected}; no API request is sent to a host built from it.",
                    ShareFileAuthenticationFailure.Other, 200, null);
            }

            return lower;
        }

        /// <summary>A value shown in an error: control characters become '?', and it is cut at 100 characters.</summary>
        internal static string Printable(string value)
        {
            var chars = value.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray();
            return new string(chars) + (value.Length > 100 ? "…" : string.Empty);
        }
    }
}
