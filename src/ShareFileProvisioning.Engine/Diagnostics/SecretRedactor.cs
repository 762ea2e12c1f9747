using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>
    /// The one redactor for debug output and exception text: masks Authorization header values and the values of
    /// secret-named fields (access_token, refresh_token, client_secret, password, …) in query strings,
    /// form bodies, JSON bodies (also JSON echoed inside a JSON string) and "name: value" text. Matching is by field
    /// name, case-insensitive and in snake, camel, Pascal or kebab case, so unknown secret values are still caught.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly string[] SecretNames =
        {
            "access_token", "refresh_token", "client_secret", "password", "id_token", "client_assertion",
            "sig", "account_key", "shared_access_signature", "shared_access_key", "assertion", "pwd",
            "proxy_password", "api_key", "secret",
        };

        // Each name in every spelling a server or SDK uses: access_token, accessToken, AccessToken, access-token.
        private static readonly string NameAlternation = string.Join("|", SecretNames.Select(n => Regex.Escape(n).Replace("_", "[_-]?")));

        // name=value in query strings, form bodies and connection strings; the value runs to the next & ; # or whitespace.
        private static readonly Regex FormPair = new Regex(
            @"(?<=(^|[?&;\s])(" + NameAlternation + @")=)[^&;#\s]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // "name": "value" in JSON (string values, escaped quotes respected) and "name": non-string scalar.
        private static readonly Regex JsonStringPair = new Regex(
            "(\"(" + NameAlternation + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex JsonScalarPair = new Regex(
            "(\"(" + NameAlternation + ")\"\\s*:\\s*)(?![\"\\\\])[^,}\\]\\s]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // JSON quoted inside a JSON string, as servers echo a request body: {\"password\":\"value\"}.
        private static readonly Regex EscapedJsonPair = new Regex(
            "(\\\\\"(" + NameAlternation + ")\\\\\"\\s*:\\s*)\\\\\"(?:[^\"\\\\]|\\\\(?!\"))*\\\\\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // name: value in free text and header dumps ("password: hunter2", "clientSecret: abc").
        private static readonly Regex ColonPair = new Regex(
            @"(?<=(^|[\s,;{(\[])(" + NameAlternation + @")\s*:\s*)(?![""\\*\s])[^\s,;})\]]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // "Authorization: Bearer xyz" or "Bearer xyz" anywhere in free text.
        private static readonly Regex BearerToken = new Regex(
            @"(?<=\b(Bearer|Basic)\s+)[^\s,;""]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>Masks secrets in any text: URLs, form or JSON bodies, header dumps, messages.</summary>
        public static string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var result = FormPair.Replace(text, Mask);
            result = JsonStringPair.Replace(result, "$1\"" + Mask + "\"");
            result = JsonScalarPair.Replace(result, "$1\"" + Mask + "\"");
            result = EscapedJsonPair.Replace(result, "$1\\\"" + Mask + "\\\"");
            result = ColonPair.Replace(result, Mask);
            result = BearerToken.Replace(result, Mask);
            return result;
        }

        /// <summary>A URL with the values of secret query parameters masked.</summary>
        public static string RedactUrl(Uri uri)
        {
            return uri == null ? null : Redact(uri.OriginalString);
        }

        /// <summary>A header value safe to log: Authorization keeps only its scheme.</summary>
        public static string RedactHeader(string name, string value)
        {
            if (name == null || value == null)
            {
                return value;
            }

            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var space = value.IndexOf(' ');
                return space > 0 ? value.Substring(0, space) + " " + Mask : Mask;
            }

            return Redact(value);
        }

        /// <summary>True when a field of this name holds a secret and must never be logged.</summary>
        public static bool IsSecretName(string name)
        {
            if (name == null) return false;
            var bare = name.Replace("_", string.Empty).Replace("-", string.Empty);
            return SecretNames.Any(s => s.Replace("_", string.Empty).Equals(bare, StringComparison.OrdinalIgnoreCase));
        }
    }
}
