using System;
using System.Globalization;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>The DateAdd/DateDiff interval codes Entra documents (VBA's): yyyy m d ww h n s.</summary>
    internal static class DateIntervals
    {
        public const string Allowed = "yyyy, m, d, ww, h, n or s";

        public static bool IsValid(string interval) =>
            interval == "yyyy" || interval == "m" || interval == "d" || interval == "ww" || interval == "h" || interval == "n" || interval == "s";

        public static DateTimeOffset Add(string interval, long value, DateTimeOffset date)
        {
            switch (interval)
            {
                case "yyyy": return date.AddYears(checked((int)value));
                case "m": return date.AddMonths(checked((int)value));
                case "d": return date.AddDays(value);
                case "ww": return date.AddDays(value * 7);
                case "h": return date.AddHours(value);
                case "n": return date.AddMinutes(value);
                default: return date.AddSeconds(value);
            }
        }

        /// <summary>
        /// VBA DateDiff semantics (which Entra's documented examples follow): years and months count calendar
        /// boundaries, weeks count Sundays crossed, d/h/n/s are truncated elapsed time.
        /// </summary>
        public static long Diff(string interval, DateTimeOffset date1, DateTimeOffset date2)
        {
            var d1 = date1.UtcDateTime;
            var d2 = date2.UtcDateTime;
            switch (interval)
            {
                case "yyyy": return d2.Year - d1.Year;
                case "m": return (d2.Year - d1.Year) * 12L + d2.Month - d1.Month;
                case "d": return (long)(d2 - d1).TotalDays;
                case "ww":
                    var s1 = d1.AddDays(-(int)d1.DayOfWeek);
                    var s2 = d2.AddDays(-(int)d2.DayOfWeek);
                    return (long)(s2 - s1).TotalDays / 7;
                case "h": return (long)(d2 - d1).TotalHours;
                case "n": return (long)(d2 - d1).TotalMinutes;
                default: return (long)(d2 - d1).TotalSeconds;
            }
        }
    }

    /// <summary>Base for functions taking an interval as first argument: validates a literal interval at compile time.</summary>
    internal abstract class IntervalFunction : FunctionNode
    {
        private string _literalInterval;

        internal override void Validate()
        {
            if (TryGetLiteral(0, out var literal))
            {
                var s = literal as string;
                if (!DateIntervals.IsValid(s)) throw CompileError($"interval (argument 1) must be one of {DateIntervals.Allowed}", 0);
                _literalInterval = s;
            }
        }

        protected string Interval(ISourceAttributes source, EvaluationContext context)
        {
            if (_literalInterval != null) return _literalInterval;
            var s = EvalString(0, source, context);
            if (!DateIntervals.IsValid(s)) throw Fail($"interval (argument 1) must be one of {DateIntervals.Allowed}");
            return s;
        }

        protected DateTimeOffset? EvalDate(int index, ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(index, source, context);
            if (ExpressionValues.IsNullOrEmpty(value)) return null;
            if (ExpressionValues.TryToDate(value, out var date)) return date;
            throw Fail($"argument {index + 1} is {ExpressionValues.TypeName(value)} that is not a date");
        }
    }

    /// <summary>DateAdd(interval, value, dateTime) → a UTC date; null if the date or value is null.</summary>
    internal sealed class DateAddFunction : IntervalFunction
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var interval = Interval(source, context);
            var value = EvalInteger(1, "value", source, context);
            var date = EvalDate(2, source, context);
            if (value == null || date == null) return null;
            try
            {
                return DateIntervals.Add(interval, value.Value, date.Value);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException || e is OverflowException)
            {
                throw Fail("the result is outside the representable date range", e);
            }
        }
    }

    /// <summary>DateDiff(interval, date1, date2) → date2 − date1 as a signed integer; null if a date is null.</summary>
    internal sealed class DateDiffFunction : IntervalFunction
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var interval = Interval(source, context);
            var d1 = EvalDate(1, source, context);
            var d2 = EvalDate(2, source, context);
            if (d1 == null || d2 == null) return null;
            return DateIntervals.Diff(interval, d1.Value, d2.Value);
        }
    }

    /// <summary>CDate(expression): a date string (offset honoured, UTC when none) → a UTC date; null → null.</summary>
    internal sealed class CDateFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (ExpressionValues.IsNullOrEmpty(value)) return null;
            if (ExpressionValues.TryToDate(value, out var date)) return date;
            throw Fail($"argument 1 is {ExpressionValues.TypeName(value)} that is not a recognised date");
        }
    }

    /// <summary>Now(): the context's current UTC time.</summary>
    internal sealed class NowFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => context.UtcNow;
    }

    /// <summary>
    /// DateFromNum(value): an AD date (100-ns ticks since 1601-01-01 UTC) → a UTC date. 0 and Int64.MaxValue mean
    /// "never" in AD and give null.
    /// </summary>
    internal sealed class DateFromNumFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var n = EvalInteger(0, "value", source, context);
            if (n == null || n.Value == 0 || n.Value == long.MaxValue) return null;
            try
            {
                return new DateTimeOffset(DateTime.FromFileTimeUtc(n.Value));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw Fail("value (argument 1) is not a valid AD date", e);
            }
        }
    }

    /// <summary>NumFromDate(value): an ISO 8601 date string (or date) → AD date number; null → null.</summary>
    internal sealed class NumFromDateFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (ExpressionValues.IsNullOrEmpty(value)) return null;
            if (!ExpressionValues.TryToDate(value, out var date)) throw Fail($"argument 1 is {ExpressionValues.TypeName(value)} that is not a date");
            try
            {
                return date.UtcDateTime.ToFileTimeUtc();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw Fail("the date is before 1601 and has no AD representation", e);
            }
        }
    }

    /// <summary>
    /// FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat): parses with the .NET input format and
    /// writes the output format (invariant culture). The parsed offset is kept (so "2020-12-31-08:00" stays the
    /// 31st) unless AdjustToUniversal is given; without an offset in the input the time is UTC. Null → null.
    /// </summary>
    internal sealed class FormatDateTimeFunction : FunctionNode
    {
        private const DateTimeStyles DefaultStyles = DateTimeStyles.RoundtripKind | DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite;
        private DateTimeStyles? _literalStyles;

        internal override void Validate()
        {
            if (!IsGiven(1)) _literalStyles = DefaultStyles;
            else if (TryGetLiteral(1, out var literal))
                _literalStyles = ParseStyles(literal as string) ?? throw CompileError($"dateTimeStyles (argument 2) '{literal}' is not a DateTimeStyles value list (e.g. \"AdjustToUniversal, AllowWhiteSpaces\")", 1);
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (ExpressionValues.IsNullOrEmpty(value)) return null;
            var styles = _literalStyles ?? ParseStyles(EvalString(1, source, context)) ?? throw Fail("dateTimeStyles (argument 2) is not a DateTimeStyles value list");
            var outputFormat = EvalString(3, source, context);
            if (string.IsNullOrEmpty(outputFormat)) throw Fail("outputFormat (argument 4) is empty");

            DateTimeOffset date;
            if (value is DateTimeOffset d) date = d;
            else
            {
                var inputFormat = EvalString(2, source, context);
                if (string.IsNullOrEmpty(inputFormat)) throw Fail("inputFormat (argument 3) is empty");
                var text = AsString(value, 0);
                // DateTimeOffset parsing keeps the input's offset and does not accept RoundtripKind/AssumeLocal;
                // assuming UTC keeps the result independent of the machine's time zone.
                var parseStyles = (styles & ~(DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeLocal | DateTimeStyles.AdjustToUniversal)) | DateTimeStyles.AssumeUniversal;
                if (!DateTimeOffset.TryParseExact(text, inputFormat, CultureInfo.InvariantCulture, parseStyles, out date))
                    throw Fail("the source does not match inputFormat (argument 3)");
            }
            if ((styles & DateTimeStyles.AdjustToUniversal) != 0) date = date.ToUniversalTime();
            try
            {
                return date.ToString(outputFormat, CultureInfo.InvariantCulture);
            }
            catch (FormatException e)
            {
                throw Fail("outputFormat (argument 4) is not a valid .NET date format", e);
            }
        }

        private static DateTimeStyles? ParseStyles(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return DefaultStyles;
            return Enum.TryParse(text, true, out DateTimeStyles styles) ? styles : (DateTimeStyles?)null;
        }
    }
}
