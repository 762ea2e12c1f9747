using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>
    /// Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template),
    /// case-sensitive. The mode is fixed at compile time by which arguments are given (an empty argument = not given):
    /// <list type="number">
    /// <item>regexPattern + regexGroupName + replacementAttributeName: source if it has a value, else the named group
    /// of the pattern's match in replacementAttributeName (null if no match).</item>
    /// <item>regexPattern + regexGroupName + replacementValue: each match's named group is replaced by replacementValue.</item>
    /// <item>regexPattern + replacementValue: Regex.Replace (replacementValue may use ${group} substitutions).</item>
    /// <item>oldValue + template: every oldValue in template is replaced by source.</item>
    /// <item>oldValue + replacementValue: every oldValue in source is replaced by replacementValue.</item>
    /// </list>
    /// A null source gives null (except in mode 1).
    /// </summary>
    internal sealed class ReplaceFunction : FunctionNode
    {
        private enum Mode
        {
            GroupFromReplacementAttribute,
            ReplaceGroup,
            RegexReplace,
            Template,
            Literal,
        }

        private Mode _mode;
        private Regex _literalRegex;

        internal override void Validate()
        {
            bool oldValue = IsGiven(1), pattern = IsGiven(2), group = IsGiven(3), replacement = IsGiven(4), attribute = IsGiven(5), template = IsGiven(6);
            if (pattern && group && attribute) _mode = Mode.GroupFromReplacementAttribute;
            else if (pattern && group && replacement) _mode = Mode.ReplaceGroup;
            else if (pattern && replacement) _mode = Mode.RegexReplace;
            else if (oldValue && template) _mode = Mode.Template;
            else if (oldValue && replacement) _mode = Mode.Literal;
            else
                throw CompileError(
                    "give oldValue with replacementValue or template, or regexPattern with replacementValue, or regexPattern and regexGroupName with replacementValue or replacementAttributeName; " +
                    "leave the other arguments empty, e.g. Replace([mail], \"@contoso.com\", , , \"\", , )");

            if (pattern && TryGetLiteral(2, out var literal))
            {
                if (!(literal is string p)) throw CompileError("regexPattern (argument 3) must be a string", 2);
                try
                {
                    _literalRegex = RegexCache.Create(p);
                }
                catch (ArgumentException e)
                {
                    throw CompileError($"regexPattern (argument 3) is not a valid regular expression: {e.Message.TrimEnd('.')}", 2);
                }
                if (group && TryGetLiteral(3, out var groupName) && groupName is string g && Array.IndexOf(_literalRegex.GetGroupNames(), g) < 0)
                    throw CompileError($"regexGroupName (argument 4) '{g}' is not a group of regexPattern", 3);
            }
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            try
            {
                switch (_mode)
                {
                    case Mode.GroupFromReplacementAttribute:
                    {
                        if (!string.IsNullOrEmpty(s)) return s;
                        var other = EvalString(5, source, context);
                        if (other == null) return null;
                        var match = GetRegex(source, context).Match(other);
                        var group = match.Success ? match.Groups[EvalString(3, source, context) ?? string.Empty] : null;
                        return group != null && group.Success ? group.Value : null;
                    }
                    case Mode.ReplaceGroup:
                    {
                        if (s == null) return null;
                        var groupName = EvalString(3, source, context) ?? string.Empty;
                        var replacement = EvalString(4, source, context) ?? string.Empty;
                        var output = new OutputMeter(s.Length, this);
                        return GetRegex(source, context).Replace(s, m => output.Take(m, ReplaceGroupInMatch(m, groupName, replacement)));
                    }
                    case Mode.RegexReplace:
                    {
                        if (s == null) return null;
                        var replacement = EvalString(4, source, context) ?? string.Empty;
                        var output = new OutputMeter(s.Length, this);
                        return GetRegex(source, context).Replace(s, m => output.Take(m, m.Result(replacement)));
                    }
                    case Mode.Template:
                    {
                        if (s == null) return null;
                        var oldValue = EvalString(1, source, context);
                        var template = EvalString(6, source, context);
                        if (template == null) return null;
                        if (string.IsNullOrEmpty(oldValue)) return template;
                        EvaluationGuard.EnsureFits(template.Length + Occurrences(template, oldValue) * (s.Length - (long)oldValue.Length), Name, Position);
                        return template.Replace(oldValue, s);
                    }
                    default:
                    {
                        if (s == null) return null;
                        var oldValue = EvalString(1, source, context);
                        if (string.IsNullOrEmpty(oldValue)) return s;
                        var replacement = EvalString(4, source, context) ?? string.Empty;
                        EvaluationGuard.EnsureFits(s.Length + Occurrences(s, oldValue) * (replacement.Length - (long)oldValue.Length), Name, Position);
                        return s.Replace(oldValue, replacement);
                    }
                }
            }
            catch (RegexMatchTimeoutException e)
            {
                throw Fail($"regexPattern took too long to match (more than {RegexCache.MatchTimeout.TotalSeconds:0.#} s)", e);
            }
        }

        private Regex GetRegex(ISourceAttributes source, EvaluationContext context)
        {
            if (_literalRegex != null) return _literalRegex;
            var pattern = EvalString(2, source, context) ?? string.Empty;
            try
            {
                return RegexCache.Get(pattern);
            }
            catch (ArgumentException e)
            {
                throw Fail("regexPattern (argument 3) is not a valid regular expression", e);
            }
        }

        private static long Occurrences(string text, string value)
        {
            long count = 0;
            for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
            return count;
        }

        /// <summary>
        /// Counts a regex replace's output as it is produced, so a pattern matching everywhere with a long replacement
        /// fails at the size limit instead of allocating the whole result; the evaluation clock is checked per match.
        /// </summary>
        private sealed class OutputMeter
        {
            private readonly FunctionNode _function;
            private long _length;

            public OutputMeter(long inputLength, FunctionNode function)
            {
                _length = inputLength;
                _function = function;
            }

            public string Take(Match match, string replacement)
            {
                _length += replacement.Length - match.Length;
                EvaluationGuard.EnsureFits(_length, _function.Name, _function.Position);
                EvaluationGuard.CheckTime(_function.Name, _function.Position);
                return replacement;
            }
        }

        private static string ReplaceGroupInMatch(Match match, string groupName, string replacement)
        {
            var group = match.Groups[groupName];
            if (!group.Success) return match.Value;
            var offset = group.Index - match.Index;
            return new StringBuilder(match.Value.Length - group.Length + replacement.Length)
                .Append(match.Value, 0, offset)
                .Append(replacement)
                .Append(match.Value, offset + group.Length, match.Value.Length - offset - group.Length)
                .ToString();
        }
    }
}
