using System;
using System.Collections.Generic;
using System.Globalization;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Compares mapped values with a ShareFile user as ShareFile stores them: text trimmed, emails without regard to
    /// case, a missing value equal to an empty one. Attributes the listings do not carry (zone, quota, permissions) are
    /// written on create only: an update cannot see their current value, so it never plans them.
    /// </summary>
    internal static class AttributeDiff
    {
        public static bool IsComparable(TargetAttribute attribute) =>
            attribute == TargetAttribute.Email || attribute == TargetAttribute.FirstName || attribute == TargetAttribute.LastName ||
            attribute == TargetAttribute.Company || attribute == TargetAttribute.Enabled || attribute == TargetAttribute.UserType;

        /// <summary>Adds a change (and the desired value) when <paramref name="value"/> differs from the target.</summary>
        public static void Compare(TargetUser target, MappedValue value, PlanItem item)
        {
            if (!value.ShouldWrite || !IsComparable(value.Target)) return;
            var old = Current(target, value.Target);
            if (Same(value.Target, old, value.Value)) return;
            Add(item, value.Target, old, value.Value, value.IsRedacted);
        }

        public static void Add(PlanItem item, TargetAttribute attribute, object old, object value, bool redacted)
        {
            item.Changes.Add(new PlanAttributeChange
            {
                Attribute = attribute.ToString(),
                OldValue = Text(old),
                NewValue = redacted ? PlanAttributeChange.RedactedText : Text(value),
            });
            if (redacted) item.Desired.Redacted.Add(attribute);
            else item.Desired.Set(attribute, value);
        }

        public static object Current(TargetUser target, TargetAttribute attribute)
        {
            switch (attribute)
            {
                case TargetAttribute.Enabled: return !target.IsDisabled;
                case TargetAttribute.UserType: return target.IsEmployee ? UserKind.Employee : UserKind.Client;
                default: return TargetIndex.ValueOf(target, attribute);
            }
        }

        private static bool Same(TargetAttribute attribute, object old, object value)
        {
            if (value is string s)
            {
                var a = (old as string)?.Trim() ?? "";
                var b = s.Trim();
                return string.Equals(a, b, attribute == TargetAttribute.Email ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            }
            return Equals(old, value);
        }

        public static string Text(object value)
        {
            switch (value)
            {
                case null: return null;
                case bool b: return b ? "True" : "False";
                case UserKind k: return k == UserKind.Employee ? "Employee" : "Client";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
