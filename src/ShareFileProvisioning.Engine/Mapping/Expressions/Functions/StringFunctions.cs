using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>Append(source, suffix): null source → null; a null suffix appends nothing.</summary>
    internal sealed class AppendFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var suffix = EvalString(1, source, context);
            return suffix == null ? s : s + suffix;
        }
    }

    /// <summary>Left(String, NumChars): per Entra, a null string gives "" (not null); 0 → ""; &lt; 0 → whole string.</summary>
    internal sealed class LeftFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context) ?? string.Empty;
            var n = EvalInteger(1, "NumChars", source, context) ?? throw Fail("NumChars (argument 2) is null");
            if (n < 0 || n >= s.Length) return s;
            return s.Substring(0, (int)n);
        }
    }

    /// <summary>Mid(source, start, length): 1-based; start past the end → ""; length past the end → rest.</summary>
    internal sealed class MidFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var start = EvalInteger(1, "start", source, context) ?? throw Fail("start (argument 2) is null");
            var length = EvalInteger(2, "length", source, context) ?? throw Fail("length (argument 3) is null");
            if (start < 1) throw Fail("start (argument 2) must be 1 or more; the first character is 1");
            if (length < 0) throw Fail("length (argument 3) must not be negative");
            if (start > s.Length) return string.Empty;
            var from = (int)start - 1;
            return s.Substring(from, (int)Math.Min(length, s.Length - from));
        }
    }

    /// <summary>StripSpaces(source): removes every ' ' (only the space character, as Entra documents).</summary>
    internal sealed class StripSpacesFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context) =>
            EvalString(0, source, context)?.Replace(" ", string.Empty);
    }

    /// <summary>ToLower/ToUpper(source, culture): invariant culture unless an RFC 4646 name is given.</summary>
    internal sealed class ChangeCaseFunction : FunctionNode
    {
        private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new ConcurrentDictionary<string, CultureInfo>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _upper;
        private CultureInfo _literalCulture;

        public ChangeCaseFunction(bool upper) => _upper = upper;

        internal override void Validate()
        {
            if (!IsGiven(1))
            {
                _literalCulture = CultureInfo.InvariantCulture;
                return;
            }
            if (TryGetLiteral(1, out var literal))
            {
                _literalCulture = ResolveCulture(literal as string) ?? throw CompileError($"unknown culture '{literal}'; use a name like \"en-US\"", 1);
            }
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var culture = _literalCulture;
            if (culture == null)
            {
                var name = EvalString(1, source, context);
                culture = string.IsNullOrEmpty(name) ? CultureInfo.InvariantCulture : ResolveCulture(name) ?? throw Fail("the culture (argument 2) is not a known culture name");
            }
            return _upper ? culture.TextInfo.ToUpper(s) : culture.TextInfo.ToLower(s);
        }

        private static CultureInfo ResolveCulture(string name)
        {
            if (string.IsNullOrEmpty(name)) return CultureInfo.InvariantCulture;
            return Cultures.GetOrAdd(name, n =>
            {
                // ICU accepts any well-formed tag; only names of cultures the platform knows count.
                if (!KnownCultureNames.Value.Contains(n)) return null;
                try
                {
                    return CultureInfo.GetCultureInfo(n);
                }
                catch (CultureNotFoundException)
                {
                    return null;
                }
            });
        }

        private static readonly Lazy<System.Collections.Generic.HashSet<string>> KnownCultureNames =
            new Lazy<System.Collections.Generic.HashSet<string>>(() =>
            {
                var names = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var culture in CultureInfo.GetCultures(CultureTypes.AllCultures)) names.Add(culture.Name);
                return names;
            });
    }

    /// <summary>
    /// PCase(source, wordSeparators): without separators .NET ToTitleCase of the lower-cased string (ToTitleCase
    /// leaves all-capital words alone, so lowering first gives Entra's documented "PABLO" → "Pablo");
    /// with separators, only those characters start a new word.
    /// </summary>
    internal sealed class PCaseFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var separators = EvalString(1, source, context);
            var text = CultureInfo.InvariantCulture.TextInfo;
            if (string.IsNullOrEmpty(separators)) return text.ToTitleCase(text.ToLower(s));

            var chars = new char[s.Length];
            var startOfWord = true;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (separators.IndexOf(c) >= 0)
                {
                    chars[i] = c;
                    startOfWord = true;
                    continue;
                }
                chars[i] = startOfWord ? text.ToUpper(c) : text.ToLower(c);
                startOfWord = false;
            }
            return new string(chars);
        }
    }

    /// <summary>
    /// Word(String, WordNumber, Delimiters): the N-th (1-based) run of characters between delimiter characters.
    /// Null string, N &lt; 1 or too few words → "" (Entra's documented behaviour, not null).
    /// </summary>
    internal sealed class WordFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            var n = EvalInteger(1, "WordNumber", source, context) ?? 0;
            if (s == null || n < 1) return string.Empty;
            var delimiters = EvalString(2, source, context) ?? string.Empty;

            var word = 0L;
            var i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && delimiters.IndexOf(s[i]) >= 0) i++;
                if (i >= s.Length) break;
                var start = i;
                while (i < s.Length && delimiters.IndexOf(s[i]) < 0) i++;
                if (++word == n) return s.Substring(start, i - start);
            }
            return string.Empty;
        }
    }

    /// <summary>
    /// InStr(value1, value2, start, compareType): 1-based position of value2 in value1, 0 if absent; null if either
    /// string is null. compareType vbBinaryCompare (default, case-sensitive) or vbTextCompare (ignore case).
    /// </summary>
    internal sealed class InStrFunction : FunctionNode
    {
        private StringComparison? _literalComparison;

        internal override void Validate()
        {
            if (!IsGiven(3))
            {
                _literalComparison = StringComparison.Ordinal;
                return;
            }
            if (TryGetLiteral(3, out var literal))
                _literalComparison = ParseCompareType(literal) ?? throw CompileError("compareType (argument 4) must be vbBinaryCompare or vbTextCompare", 3);
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var haystack = EvalString(0, source, context);
            var needle = EvalString(1, source, context);
            if (haystack == null || needle == null) return null;
            var start = IsGiven(2) ? EvalInteger(2, "start", source, context) ?? 1 : 1;
            if (start < 1) throw Fail("start (argument 3) must be 1 or more");
            var comparison = _literalComparison ?? ParseCompareType(Eval(3, source, context)) ?? throw Fail("compareType (argument 4) must be vbBinaryCompare or vbTextCompare");
            if (start > haystack.Length + 1) return 0L;
            return (long)(haystack.IndexOf(needle, (int)start - 1, comparison) + 1);
        }

        private static StringComparison? ParseCompareType(object value)
        {
            switch (value)
            {
                case null: return StringComparison.Ordinal;
                case long l when l == 0: return StringComparison.Ordinal;
                case long l when l == 1: return StringComparison.OrdinalIgnoreCase;
                case string s when s == "vbBinaryCompare" || s == "0": return StringComparison.Ordinal;
                case string s when s == "vbTextCompare" || s == "1": return StringComparison.OrdinalIgnoreCase;
                default: return null;
            }
        }
    }

    /// <summary>
    /// Join(separator, source1, …): null and empty sources are skipped (Entra's <c>Join(", ", "", [surname], [givenName])</c>
    /// gives "Doe, John"); multi-valued sources contribute every value. Nothing to join → null.
    /// </summary>
    internal sealed class JoinFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var separator = EvalString(0, source, context) ?? string.Empty;
            StringBuilder sb = null;
            string single = null;
            var count = 0;
            for (var i = 1; i < Args.Length; i++)
            {
                var value = Args[i].Evaluate(source, context);
                if (value is System.Collections.Generic.IReadOnlyList<string> list)
                {
                    for (var j = 0; j < list.Count; j++) Add(list[j]);
                }
                else
                {
                    ExpressionValues.TryToStr(value, out var s);
                    Add(s);
                }
            }
            if (count == 0) return null;
            return count == 1 ? single : sb.ToString();

            void Add(string part)
            {
                if (string.IsNullOrEmpty(part)) return;
                if (count == 0) single = part;
                else
                {
                    if (sb == null) sb = new StringBuilder(single);
                    sb.Append(separator).Append(part);
                }
                count++;
            }
        }
    }

    /// <summary>ConvertToBase64(source): base64 of the UTF-16LE bytes ("Hello world!" → "SABlAGwA…").</summary>
    internal sealed class ConvertToBase64Function : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            return s == null ? null : Convert.ToBase64String(Encoding.Unicode.GetBytes(s));
        }
    }

    /// <summary>ConvertToUTF8Hex(source): upper-case hex of the UTF-8 bytes ("Hello world!" → "48656C6C…").</summary>
    internal sealed class ConvertToUtf8HexFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var bytes = Encoding.UTF8.GetBytes(s);
            var chars = new char[bytes.Length * 2];
            const string hex = "0123456789ABCDEF";
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = hex[bytes[i] >> 4];
                chars[2 * i + 1] = hex[bytes[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
