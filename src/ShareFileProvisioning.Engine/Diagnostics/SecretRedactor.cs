using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>
    /// The one redactor for debug output and exception text: masks Authorization header values and the values of
    /// secret-named fields (access_token, refresh_token, client_secret, password, …) in query strings,
    /// form bodies and JSON bodies. Matching is by field name, case-insensitive, so unknown secret values are still caught.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly string[] SecretNames =
        {
            "access_token", "refresh_token", "client_secret", "password", "id_token", "client_assertion",
            "sig", "AccountKey", "SharedAccessSignature", "SharedAccessKey", "assertion",
        };

        private static readonly string NameAlternation = string.Join("|", SecretNames.Select(Regex.Escape));

        // name=value in query strings, form bodies and connection strings; the value runs to the next & ; # or whitespace.
        private static readonly Regex FormPair = new Regex(
            @"(?<=(^|[?&;\s])(" + NameAlternation + @")=)[^&;#\s]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // "name": "value" in JSON (string values, escaped quotes respected) and "name": non-string scalar.
        private static readonly Regex JsonStringPair = new Regex(
            "(\"(" + NameAlternation + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex JsonScalarPair = new Regex(
            "(\"(" + NameAlternation + ")\"\\s*:\\s*)(?!\")[^,}\\]\\s]+",
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
            return name != null && SecretNames.Any(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
        }
    }
}
