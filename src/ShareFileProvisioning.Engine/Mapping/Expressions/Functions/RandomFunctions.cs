using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>Guid(): a new GUID string from the context ("D" format, lower case).</summary>
    internal sealed class GuidFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => context.NewGuid().ToString("D");
    }

    /// <summary>
    /// RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital, MinimumLowerCase, CharactersToAvoid):
    /// at least the minimum of each class, the rest from all classes, shuffled; randomness from the context.
    /// Special characters are the Windows password-complexity set.
    /// </summary>
    internal sealed class RandomStringFunction : FunctionNode
    {
        public const int MaxLength = 256;
        private const string Digits = "0123456789";
        private const string Specials = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";
        private const string Capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        private const string Lowers = "abcdefghijklmnopqrstuvwxyz";

        internal override void Validate()
        {
            // Literal counts (the usual case) are checked once here rather than per user.
            var values = new long?[5];
            for (var i = 0; i < 5; i++)
            {
                if (!TryGetLiteral(i, out var literal)) return;
                if (!(literal is long n)) throw CompileError($"argument {i + 1} must be a whole number", i);
                values[i] = n;
            }
            var problem = CheckCounts(values[0].Value, values[1].Value, values[2].Value, values[3].Value, values[4].Value);
            if (problem != null) throw CompileError(problem);
        }

        private static string CheckCounts(long length, long numbers, long specials, long capitals, long lowers)
        {
            if (length < 1 || length > MaxLength) return $"Length must be between 1 and {MaxLength}";
            if (numbers < 0 || specials < 0 || capitals < 0 || lowers < 0) return "the minimum counts must not be negative";
            if (numbers + specials + capitals + lowers > length) return "the minimum counts add up to more than Length";
            return null;
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var length = EvalInteger(0, "Length", source, context) ?? throw Fail("Length (argument 1) is null");
            var numbers = EvalInteger(1, "MinimumNumbers", source, context) ?? 0;
            var specials = EvalInteger(2, "MinimumSpecialCharacters", source, context) ?? 0;
            var capitals = EvalInteger(3, "MinimumCapital", source, context) ?? 0;
            var lowers = EvalInteger(4, "MinimumLowerCase", source, context) ?? 0;
            var problem = CheckCounts(length, numbers, specials, capitals, lowers);
            if (problem != null) throw Fail(problem);
            var avoid = EvalString(5, source, context) ?? string.Empty;

            string digitPool = Filter(Digits, avoid), specialPool = Filter(Specials, avoid), capitalPool = Filter(Capitals, avoid), lowerPool = Filter(Lowers, avoid);
            var all = digitPool + specialPool + capitalPool + lowerPool;
            if (all.Length == 0) throw Fail("CharactersToAvoid excludes every character");
            if ((numbers > 0 && digitPool.Length == 0) || (specials > 0 && specialPool.Length == 0) ||
                (capitals > 0 && capitalPool.Length == 0) || (lowers > 0 && lowerPool.Length == 0))
                throw Fail("CharactersToAvoid excludes every character of a class with a minimum count");

            var chars = new List<char>((int)length);
            Pick(digitPool, numbers);
            Pick(specialPool, specials);
            Pick(capitalPool, capitals);
            Pick(lowerPool, lowers);
            Pick(all, length - chars.Count);
            for (var i = chars.Count - 1; i > 0; i--)
            {
                var j = context.NextRandom(i + 1);
                var t = chars[i];
                chars[i] = chars[j];
                chars[j] = t;
            }
            return new string(chars.ToArray());

            void Pick(string pool, long count)
            {
                for (var i = 0; i < count; i++) chars.Add(pool[context.NextRandom(pool.Length)]);
            }
        }

        private static string Filter(string pool, string avoid)
        {
            if (avoid.Length == 0) return pool;
            var kept = new System.Text.StringBuilder(pool.Length);
            foreach (var c in pool)
                if (avoid.IndexOf(c) < 0) kept.Append(c);
            return kept.ToString();
        }
    }
}
