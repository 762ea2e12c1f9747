using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// The ShareFile emails an Entra user can stand behind: its userPrincipalName, its mail, and for B2B guests the
    /// address Entra derives from the #EXT# name (docs/lifecycle.md) — the same keys the default matching uses.
    /// </summary>
    internal static class EmailKeys
    {
        public static IEnumerable<string> Of(string userPrincipalName, string mail)
        {
            if (!string.IsNullOrWhiteSpace(mail)) yield return mail.Trim();
            if (string.IsNullOrWhiteSpace(userPrincipalName)) yield break;
            var attributes = new SourceObject().Set("userPrincipalName", userPrincipalName).Set("mail", mail);
            yield return GuestUsers.Email(userPrincipalName.Trim(), attributes);
        }

        public static string Normalise(string email) => email?.Trim().ToLowerInvariant();

        public static void Index<T>(Dictionary<string, T> index, T value, string userPrincipalName, string mail)
        {
            foreach (var key in Of(userPrincipalName, mail))
            {
                var k = Normalise(key);
                if (!string.IsNullOrEmpty(k) && !index.ContainsKey(k)) index[k] = value;
            }
        }

        public static Dictionary<string, T> NewIndex<T>() => new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
    }
}
