using System;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// B2B guests (docs/lifecycle.md): their userPrincipalName (alias_theirdomain#EXT#@tenant) is never a ShareFile
    /// email. The email is their mail, else the UPN with #EXT# and the tenant stripped, as Entra sends it
    /// (alias@theirdomain); and they are clients unless a user-type rule says otherwise.
    /// </summary>
    internal static class GuestUsers
    {
        private const string Marker = "#EXT#";

        public static bool IsGuest(ISourceAttributes attributes) =>
            attributes != null && attributes.TryGetValue("userPrincipalName", out var upn) && upn is string text && text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>An Email value for ShareFile: unchanged unless it is a guest's #EXT# name.</summary>
        public static string Email(string value, ISourceAttributes attributes)
        {
            if (value == null || value.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) < 0) return value;
            if (attributes.TryGetValue("mail", out var mail) && mail is string m && TargetValues.IsValidEmail(m.Trim())) return m.Trim();
            var local = value.Substring(0, value.IndexOf(Marker, StringComparison.OrdinalIgnoreCase));
            var at = local.LastIndexOf('_');
            return at <= 0 ? local : local.Substring(0, at) + "@" + local.Substring(at + 1);
        }

        /// <summary>The mapped values with a guest's Email fixed (the same list when nothing changes).</summary>
        public static System.Collections.Generic.IReadOnlyList<MappedValue> Fix(System.Collections.Generic.IReadOnlyList<MappedValue> values, ISourceAttributes attributes)
        {
            if (!IsGuest(attributes)) return values;
            var fixedValues = new System.Collections.Generic.List<MappedValue>(values.Count);
            foreach (var v in values)
                fixedValues.Add(v.Target == TargetAttribute.Email && v.Value is string s && s != Email(s, attributes) ? v.WithValue(Email(s, attributes)) : v);
            return fixedValues;
        }

        public static UserKind Kind(UserKind ruled, CompiledUserTypeRule rule, ISourceAttributes attributes) =>
            rule.Kind == UserTypeRuleKind.Default && IsGuest(attributes) ? UserKind.Client : ruled;
    }
}
