using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>Conversions between the expression value types, following Entra's string conventions.</summary>
    internal static class ExpressionValues
    {
        /// <summary>Entra's date string format (CDate, Now, DateAdd results).</summary>
        public const string DateFormat = "M/d/yyyy h:mm:ss tt";

        public static readonly object True = true;
        public static readonly object False = false;

        public static object Box(bool b) => b ? True : False;

        /// <summary>String form of a value; false only for a list with more than one item.</summary>
        public static bool TryToStr(object value, out string result)
        {
            switch (value)
            {
                case null:
                    result = null;
                    return true;
                case string s:
                    result = s;
                    return true;
                case bool b:
                    result = b ? "True" : "False";
                    return true;
                case long l:
                    result = l.ToString(CultureInfo.InvariantCulture);
                    return true;
                case DateTimeOffset d:
                    result = FormatDate(d);
                    return true;
                case IReadOnlyList<string> list:
                    if (list.Count > 1)
                    {
                        result = null;
                        return false;
                    }
                    result = list.Count == 0 ? null : list[0];
                    return true;
                default:
                    // The IgnoreFlow marker (and anything unexpected) reads as null inside other functions.
                    result = null;
                    return true;
            }
        }

        public static string FormatDate(DateTimeOffset d) => d.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

        public static string FormatForDisplay(object value)
        {
            if (value is IReadOnlyList<string> list) return "[" + string.Join(", ", list) + "]";
            TryToStr(value, out var s);
            return s ?? "null";
        }

        public static bool IsNullOrEmpty(object value)
        {
            switch (value)
            {
                case null: return true;
                case string s: return s.Length == 0;
                case IReadOnlyList<string> list: return list.Count == 0 || (list.Count == 1 && string.IsNullOrEmpty(list[0]));
                case IgnoreFlowMarker _: return true;
                default: return false;
            }
        }

        public static bool TryToLong(object value, out long result)
        {
            switch (value)
            {
                case long l:
                    result = l;
                    return true;
                case string s:
                    return TryParseLong(s, out result);
                case IReadOnlyList<string> list when list.Count == 1:
                    return TryParseLong(list[0], out result);
                default:
                    result = 0;
                    return false;
            }
        }

        /// <summary>Decimal integers, and VBA hex literals written as strings ("&amp;HF7").</summary>
        public static bool TryParseLong(string s, out long result)
        {
            result = 0;
            if (s == null) return false;
            s = s.Trim();
            if (s.Length > 2 && s[0] == '&' && (s[1] == 'H' || s[1] == 'h'))
                return long.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result);
            return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        }

        private static readonly string[] ExtraDateFormats =
        {
            // Workday/SuccessFactors style dates with an offset but no time ("2020-03-16-07:00").
            "yyyy-MM-ddzzz",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            DateFormat,
            "M/d/yyyy h:mm:ss tt zzz",
            "yyyyMMddHHmmss.FFFFFFF'Z'",
        };

        /// <summary>Parses a date string; without an offset the time is taken as UTC.</summary>
        public static bool TryParseDate(string s, out DateTimeOffset result)
        {
            result = default;
            if (string.IsNullOrWhiteSpace(s)) return false;
            const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
            if (DateTimeOffset.TryParseExact(s.Trim(), ExtraDateFormats, CultureInfo.InvariantCulture, styles, out result) ||
                DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out result))
            {
                result = result.ToUniversalTime();
                return true;
            }
            return false;
        }

        public static bool TryToDate(object value, out DateTimeOffset result)
        {
            switch (value)
            {
                case DateTimeOffset d:
                    result = d.ToUniversalTime();
                    return true;
                case string s:
                    return TryParseDate(s, out result);
                case IReadOnlyList<string> list when list.Count == 1:
                    return TryParseDate(list[0], out result);
                default:
                    result = default;
                    return false;
            }
        }

        /// <summary>
        /// Boolean reading of a value: bool; "True"/"False" (any case); integers (non-zero = true).
        /// Null for anything else.
        /// </summary>
        public static bool? ToBoolean(object value)
        {
            switch (value)
            {
                case bool b: return b;
                case long l: return l != 0;
                case string s:
                    if (string.Equals(s, "True", StringComparison.OrdinalIgnoreCase)) return true;
                    if (string.Equals(s, "False", StringComparison.OrdinalIgnoreCase)) return false;
                    if (TryParseLong(s, out var n)) return n != 0;
                    return null;
                case IReadOnlyList<string> list when list.Count == 1:
                    return ToBoolean(list[0]);
                default:
                    return null;
            }
        }

        public static string TypeName(object value)
        {
            switch (value)
            {
                case null: return "null";
                case string _: return "a string";
                case bool _: return "a boolean";
                case long _: return "a number";
                case DateTimeOffset _: return "a date";
                case IReadOnlyList<string> l: return $"a multi-valued attribute ({l.Count} values)";
                default: return "an unsupported value";
            }
        }
    }

    /// <summary>The value of IgnoreFlowIfNullOrEmpty when it fires; turned into <see cref="ExpressionResult.IsFlowIgnored"/>.</summary>
    internal sealed class IgnoreFlowMarker
    {
        public static readonly IgnoreFlowMarker Instance = new IgnoreFlowMarker();

        private IgnoreFlowMarker()
        {
        }
    }
}
