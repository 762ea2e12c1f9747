using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>
    /// Validated scoping filters, ready to evaluate per object. Thread-safe; compile once per configuration.
    /// Semantics (docs/entra-provisioning.md, 'Scoping filters'): a null/empty attribute makes a clause false, except IS NULL (true) and
    /// IS NOT NULL (false); string operators are case-sensitive; Greater_Than* need integers on both sides;
    /// a multi-valued value makes a clause false.
    /// </summary>
    public sealed class CompiledScopingFilterSet
    {
        /// <summary>Attribute names Entra never allows in scoping filters.</summary>
        public static readonly IReadOnlyCollection<string> DisallowedAttributes = new[]
        {
            "memberOf", "isMemberOf", "members", "manager", "userType", "appRoleAssignments",
        };

        private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
        private readonly CompiledClause[][] _filters;
        private readonly ScopingResult[] _passed;

        private CompiledScopingFilterSet(CompiledClause[][] filters)
        {
            _filters = filters;
            _passed = new ScopingResult[filters.Length];
            for (var i = 0; i < filters.Length; i++) _passed[i] = ScopingResult.Passed(i + 1);
        }

        /// <summary>Number of filters (0 = everything in scope).</summary>
        public int FilterCount => _filters.Length;

        /// <summary>The attribute names the filters read (for Graph $select).</summary>
        public IReadOnlyCollection<string> ReferencedAttributes
        {
            get
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var f in _filters)
                foreach (var c in f)
                    names.Add(c.Attribute);
                return names;
            }
        }

        internal static CompiledScopingFilterSet Create(ScopingFilterSet set, SourceAttributeSchema schema)
        {
            var filters = set?.Filters ?? new List<ScopingFilter>();
            var compiled = new CompiledClause[filters.Count][];
            for (var f = 0; f < filters.Count; f++)
            {
                var filter = filters[f];
                if (filter == null) throw new ScopingFilterValidationException(f + 1, 0, null, "the filter is null.");
                if (filter.Clauses == null || filter.Clauses.Count == 0)
                    throw new ScopingFilterValidationException(f + 1, 0, null, "the filter has no clauses (it would put every object in scope).");
                compiled[f] = new CompiledClause[filter.Clauses.Count];
                for (var c = 0; c < filter.Clauses.Count; c++) compiled[f][c] = CompileClause(filter.Clauses[c], f + 1, c + 1, schema);
            }
            return new CompiledScopingFilterSet(compiled);
        }

        private static CompiledClause CompileClause(ScopingClause clause, int filterIndex, int clauseIndex, SourceAttributeSchema schema)
        {
            if (clause == null) throw new ScopingFilterValidationException(filterIndex, clauseIndex, null, "the clause is null.");
            var attribute = clause.SourceAttribute?.Trim();
            ScopingFilterValidationException Invalid(string problem) => new ScopingFilterValidationException(filterIndex, clauseIndex, attribute, problem);

            if (string.IsNullOrEmpty(attribute)) throw Invalid("no source attribute is given.");
            foreach (var disallowed in DisallowedAttributes)
                if (string.Equals(disallowed, attribute, StringComparison.OrdinalIgnoreCase))
                    throw Invalid($"'{disallowed}' cannot be used in scoping filters (Entra does not support it).");
            if (schema != null)
            {
                if (!schema.TryGetType(attribute, out var type)) throw Invalid("the attribute is not in the source schema.");
                switch (type)
                {
                    case SourceAttributeType.MultiValuedString: throw Invalid("multi-valued attributes cannot be used in scoping filters.");
                    case SourceAttributeType.DateTime: throw Invalid("date attributes cannot be used in scoping filters.");
                    case SourceAttributeType.Reference: throw Invalid("reference attributes cannot be used in scoping filters.");
                }
            }

            if (!ScopingOperators.TryParse(clause.Operator, out var op))
                throw Invalid($"unknown operator '{clause.Operator}'; use one of: {string.Join(", ", ScopingOperators.GraphOperatorNames)}.");

            var result = new CompiledClause(clause, attribute, op);
            if (!op.RequiresValue()) return result;

            if (string.IsNullOrEmpty(clause.Value)) throw Invalid($"operator '{op.ToGraphName()}' needs a value.");
            switch (op)
            {
                case ScopingOperator.GreaterThan:
                case ScopingOperator.GreaterThanOrEquals:
                    if (!long.TryParse(clause.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                        throw Invalid($"operator '{op.ToGraphName()}' needs an integer value, not '{clause.Value}'.");
                    result.Integer = n;
                    break;
                case ScopingOperator.RegexMatch:
                case ScopingOperator.NotRegexMatch:
                    try
                    {
                        result.Regex = new Regex(clause.Value, RegexOptions.CultureInvariant, RegexTimeout);
                    }
                    catch (ArgumentException e)
                    {
                        throw Invalid($"'{clause.Value}' is not a valid regular expression: {e.Message}");
                    }
                    break;
            }
            return result;
        }

        /// <summary>Evaluates all filters for one object. No filters → in scope.</summary>
        public ScopingResult Evaluate(ISourceAttributes source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            if (_filters.Length == 0) return ScopingResult.NoFilters;

            List<ScopingClauseFailure> failures = null;
            for (var f = 0; f < _filters.Length; f++)
            {
                var clauses = _filters[f];
                ScopingClauseFailure failure = null;
                for (var c = 0; c < clauses.Length; c++)
                {
                    var reason = clauses[c].Test(source);
                    if (reason == null) continue;
                    failure = new ScopingClauseFailure(f + 1, c + 1, clauses[c].Source, reason);
                    break;
                }
                if (failure == null) return _passed[f];
                (failures ?? (failures = new List<ScopingClauseFailure>(_filters.Length))).Add(failure);
            }
            return new ScopingResult(false, 0, failures);
        }

        /// <summary>
        /// Every clause of every filter with the object's value and its verdict, for explaining one object (the verdict
        /// itself is <see cref="Evaluate"/>'s: filters OR-ed, clauses AND-ed).
        /// </summary>
        public IReadOnlyList<ScopingClauseVerdict> ExplainClauses(ISourceAttributes source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            var verdicts = new List<ScopingClauseVerdict>();
            for (var f = 0; f < _filters.Length; f++)
                for (var c = 0; c < _filters[f].Length; c++)
                {
                    var clause = _filters[f][c];
                    source.TryGetValue(clause.Attribute, out var raw);
                    var reason = clause.Test(source);
                    verdicts.Add(new ScopingClauseVerdict(f + 1, c + 1, clause.Attribute, clause.Operator.ToGraphName(), clause.Value,
                        raw is IReadOnlyList<string> list ? string.Join(", ", list) : CompiledClause.AsText(raw), reason == null, reason));
                }
            return verdicts;
        }

        /// <summary>True when the object is in scope (no explanation allocated).</summary>
        public bool IsInScope(ISourceAttributes source) => Evaluate(source).IsInScope;

        private sealed class CompiledClause
        {
            public CompiledClause(ScopingClause source, string attribute, ScopingOperator op)
            {
                Source = source;
                Attribute = attribute;
                Operator = op;
                Value = source.Value;
            }

            public ScopingClause Source { get; }
            public string Attribute { get; }
            public ScopingOperator Operator { get; }
            public string Value { get; }
            public long Integer { get; set; }
            public Regex Regex { get; set; }

            /// <summary>null when the clause is true; otherwise why it is false.</summary>
            public string Test(ISourceAttributes source)
            {
                source.TryGetValue(Attribute, out var raw);
                if (raw is IReadOnlyList<string>) return "the attribute is multi-valued, which scoping filters do not support";

                var text = AsText(raw);
                var empty = string.IsNullOrEmpty(text);
                switch (Operator)
                {
                    case ScopingOperator.IsNull: return empty ? null : "the attribute is not empty";
                    case ScopingOperator.IsNotNull: return empty ? "the attribute is null or empty" : null;
                }
                if (empty) return "the attribute is null or empty";

                switch (Operator)
                {
                    case ScopingOperator.IsTrue: return IsBoolean(raw, text, true) ? null : "the attribute is not true";
                    case ScopingOperator.IsFalse: return IsBoolean(raw, text, false) ? null : "the attribute is not false";
                    case ScopingOperator.Equal: return string.Equals(text, Value, StringComparison.Ordinal) ? null : "the attribute does not equal the value";
                    case ScopingOperator.NotEqual: return string.Equals(text, Value, StringComparison.Ordinal) ? "the attribute equals the value" : null;
                    case ScopingOperator.ContainedIn: return Value.IndexOf(text, StringComparison.Ordinal) >= 0
                        ? null : "the attribute is not contained in the value";
                    case ScopingOperator.NotContainedIn: return Value.IndexOf(text, StringComparison.Ordinal) >= 0
                        ? "the attribute is contained in the value" : null;
                    case ScopingOperator.EndsWith: return text.EndsWith(Value, StringComparison.Ordinal) ? null : "the attribute does not end with the value";
                    case ScopingOperator.Includes: return text.IndexOf(Value, StringComparison.Ordinal) >= 0
                        ? null : "the attribute does not include the value";
                    case ScopingOperator.GreaterThan:
                    case ScopingOperator.GreaterThanOrEquals:
                        if (!TryInteger(raw, text, out var n)) return "the attribute is not an integer";
                        if (Operator == ScopingOperator.GreaterThan) return n > Integer ? null : "the attribute is not greater than the value";
                        return n >= Integer ? null : "the attribute is less than the value";
                    case ScopingOperator.RegexMatch:
                    case ScopingOperator.NotRegexMatch:
                        bool match;
                        try
                        {
                            match = Regex.IsMatch(text);
                        }
                        catch (RegexMatchTimeoutException e)
                        {
                            // Not "false": an out-of-scope verdict would disable the user over a slow pattern.
                            throw new InvalidOperationException($"Scoping clause ({Source}) timed out matching its regular expression.", e);
                        }
                        if (Operator == ScopingOperator.RegexMatch) return match ? null : "the attribute does not match the regular expression";
                        return match ? "the attribute matches the regular expression" : null;
                    default:
                        return "unsupported operator";
                }
            }

            internal static string AsText(object raw)
            {
                switch (raw)
                {
                    case null: return null;
                    case string s: return s;
                    case bool b: return b ? "True" : "False";
                    case long l: return l.ToString(CultureInfo.InvariantCulture);
                    case DateTimeOffset d: return d.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
                    default: return raw.ToString();
                }
            }

            private static bool IsBoolean(object raw, string text, bool expected)
            {
                if (raw is bool b) return b == expected;
                return string.Equals(text, expected ? "True" : "False", StringComparison.OrdinalIgnoreCase);
            }

            private static bool TryInteger(object raw, string text, out long n)
            {
                if (raw is long l)
                {
                    n = l;
                    return true;
                }
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n);
            }
        }
    }
}
