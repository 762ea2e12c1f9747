using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>Scoping-filter clause operators (docs/entra-provisioning.md, 'Scoping filters'). Graph spellings in <see cref="ScopingOperators"/>.</summary>
    public enum ScopingOperator
    {
        /// <summary><c>&amp;</c>: the attribute is contained in the given string.</summary>
        ContainedIn,
        /// <summary><c>!&amp;</c>: the attribute is not contained in the given string.</summary>
        NotContainedIn,
        EndsWith,
        Equal,
        NotEqual,
        GreaterThan,
        GreaterThanOrEquals,
        /// <summary>The attribute contains the value (case-sensitive String.Contains).</summary>
        Includes,
        IsTrue,
        IsFalse,
        IsNull,
        IsNotNull,
        RegexMatch,
        NotRegexMatch,
    }

    /// <summary>Operator names: the Graph <c>operatorName</c> spelling of each operator, and lenient parsing.</summary>
    public static class ScopingOperators
    {
        private static readonly Dictionary<ScopingOperator, string> GraphNames = new Dictionary<ScopingOperator, string>
        {
            [ScopingOperator.ContainedIn] = "&",
            [ScopingOperator.NotContainedIn] = "!&",
            [ScopingOperator.EndsWith] = "ENDS_WITH",
            [ScopingOperator.Equal] = "EQUALS",
            [ScopingOperator.NotEqual] = "NOT EQUALS",
            [ScopingOperator.GreaterThan] = "Greater_Than",
            [ScopingOperator.GreaterThanOrEquals] = "Greater_Than_OR_EQUALS",
            [ScopingOperator.Includes] = "Includes",
            [ScopingOperator.IsTrue] = "IS TRUE",
            [ScopingOperator.IsFalse] = "IS FALSE",
            [ScopingOperator.IsNull] = "IS NULL",
            [ScopingOperator.IsNotNull] = "IS NOT NULL",
            [ScopingOperator.RegexMatch] = "REGEX MATCH",
            [ScopingOperator.NotRegexMatch] = "NOT REGEX MATCH",
        };

        // Keys are names with spaces, '_' and '-' removed, upper-cased: "IS NOT NULL", "IsNotNull", "is_not_null" all meet.
        private static readonly Dictionary<string, ScopingOperator> ByKey = BuildKeys();

        /// <summary>The Graph operatorName spelling, e.g. "NOT EQUALS".</summary>
        public static string ToGraphName(this ScopingOperator op) => GraphNames[op];

        /// <summary>All Graph operator names, in declaration order.</summary>
        public static IEnumerable<string> GraphOperatorNames => GraphNames.Values;

        /// <summary>Operators that compare against a value (all but IS TRUE/IS FALSE/IS NULL/IS NOT NULL).</summary>
        public static bool RequiresValue(this ScopingOperator op) =>
            op != ScopingOperator.IsTrue && op != ScopingOperator.IsFalse && op != ScopingOperator.IsNull && op != ScopingOperator.IsNotNull;

        /// <summary>
        /// Parses a Graph spelling or a friendly alias case-insensitively, ignoring spaces, underscores and dashes
        /// ("EQUALS", "Equals", "IsTrue", "is not null", "GreaterThanOrEquals", "RegexMatch", "Contains"→Includes).
        /// </summary>
        public static bool TryParse(string name, out ScopingOperator op)
        {
            op = default;
            if (string.IsNullOrWhiteSpace(name)) return false;
            return ByKey.TryGetValue(Key(name), out op);
        }

        private static string Key(string name)
        {
            var chars = new List<char>(name.Length);
            foreach (var c in name.Trim())
                if (c != ' ' && c != '_' && c != '-') chars.Add(char.ToUpperInvariant(c));
            return new string(chars.ToArray());
        }

        private static Dictionary<string, ScopingOperator> BuildKeys()
        {
            var map = new Dictionary<string, ScopingOperator>(StringComparer.Ordinal);
            foreach (var pair in GraphNames)
            {
                map[Key(pair.Value)] = pair.Key;
                map[Key(pair.Key.ToString())] = pair.Key;
            }
            map["CONTAINS"] = ScopingOperator.Includes;
            map["NOTEQUALS"] = ScopingOperator.NotEqual;
            map["EQUALS"] = ScopingOperator.Equal;
            map["GREATERTHANOREQUAL"] = ScopingOperator.GreaterThanOrEquals;
            map["MATCHES"] = ScopingOperator.RegexMatch;
            return map;
        }
    }
}
