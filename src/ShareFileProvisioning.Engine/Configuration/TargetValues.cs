using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>The value kind a target attribute takes.</summary>
    public enum TargetValueKind
    {
        String,
        Boolean,
        Integer,
        UserKind,
    }

    /// <summary>
    /// Conversion of mapping results (and configured constants/defaults) to what a ShareFile attribute takes:
    /// booleans from true/"True"/"False", integers from numbers or digit strings, "Employee"/"Client".
    /// Problems never quote the value (it may be redacted).
    /// </summary>
    public static class TargetValues
    {
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s""<>,;]+@[^@\s""<>,;]+\.[^@\s""<>,;.]+$", RegexOptions.CultureInvariant);

        public static TargetValueKind KindOf(TargetAttribute target)
        {
            switch (target)
            {
                case TargetAttribute.Enabled:
                case TargetAttribute.CanCreateFolders:
                case TargetAttribute.CanUseFileBox:
                case TargetAttribute.CanManageUsers:
                    return TargetValueKind.Boolean;
                case TargetAttribute.StorageQuotaLimitGB:
                    return TargetValueKind.Integer;
                case TargetAttribute.UserType:
                    return TargetValueKind.UserKind;
                default:
                    return TargetValueKind.String;
            }
        }

        /// <summary>
        /// Converts <paramref name="value"/> (string, bool, long, a one-item list) to the target's type: string,
        /// bool, long or <see cref="UserKind"/>. Null stays null. False with a problem text when it cannot.
        /// </summary>
        public static bool TryConvert(TargetAttribute target, object value, out object converted, out string problem)
        {
            converted = null;
            problem = null;
            if (value is IReadOnlyList<string> list)
            {
                if (list.Count == 0) return true;
                if (list.Count > 1)
                {
                    problem = $"{target} takes one value but the source has {list.Count}; use Join or Item.";
                    return false;
                }
                value = list[0];
            }
            if (value == null) return true;
            switch (KindOf(target))
            {
                case TargetValueKind.Boolean:
                    return TryBoolean(target, value, out converted, out problem);
                case TargetValueKind.Integer:
                    return TryInteger(target, value, out converted, out problem);
                case TargetValueKind.UserKind:
                    return TryUserKind(target, value, out converted, out problem);
                default:
                    converted = Text(value);
                    return true;
            }
        }

        private static bool TryBoolean(TargetAttribute target, object value, out object converted, out string problem)
        {
            converted = null;
            problem = null;
            if (value is bool b)
            {
                converted = b;
                return true;
            }
            if (value is string s && bool.TryParse(s.Trim(), out var parsed))
            {
                converted = parsed;
                return true;
            }
            problem = $"{target} takes True or False.";
            return false;
        }

        /// <summary>A whole number, never negative (quotas and limits).</summary>
        private static bool TryInteger(TargetAttribute target, object value, out object converted, out string problem)
        {
            converted = null;
            problem = null;
            if (value is long l) converted = l;
            else if (value is string text && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) converted = n;
            else
            {
                problem = $"{target} takes a whole number.";
                return false;
            }
            if ((long)converted < 0)
            {
                converted = null;
                problem = $"{target} must not be negative.";
                return false;
            }
            return true;
        }

        /// <summary>"Employee" or "Client" by name, any case; a number is not a name even where the enum would take it.</summary>
        private static bool TryUserKind(TargetAttribute target, object value, out object converted, out string problem)
        {
            converted = null;
            problem = null;
            var kindText = value as string;
            if (kindText != null && Enum.TryParse(kindText.Trim(), true, out UserKind kind) && !char.IsDigit(kindText.Trim()[0]))
            {
                converted = kind;
                return true;
            }
            problem = $"{target} takes \"Employee\" or \"Client\".";
            return false;
        }

        private static string Text(object value)
        {
            if (value is string str) return str;
            if (value is bool bb) return bb ? "True" : "False";
            if (value is long ll) return ll.ToString(CultureInfo.InvariantCulture);
            if (value is DateTimeOffset d) return d.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
            return Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        /// <summary>A plausible single email address (local@domain.tld), no display name.</summary>
        public static bool IsValidEmail(string text) =>
            !string.IsNullOrWhiteSpace(text) && text.Length <= MaxEmailLength && EmailPattern.IsMatch(text) && text.IndexOf("..", StringComparison.Ordinal) < 0
            && text.IndexOf(".@", StringComparison.Ordinal) < 0 && text.IndexOf("@.", StringComparison.Ordinal) < 0 && text[0] != '.'
            && UnsafeText.Find(text) == null;

        /// <summary>The longest email the planner sends (RFC 5321's path limit).</summary>
        public const int MaxEmailLength = 254;

        /// <summary>The longest first name, last name or company the planner sends (docs/lifecycle.md: our limit, ShareFile documents none).</summary>
        public const int MaxNameLength = 128;
    }
}
