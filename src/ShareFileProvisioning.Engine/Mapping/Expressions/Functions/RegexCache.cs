using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>
    /// Regex instances for patterns: literal patterns are built once at compile time; patterns computed per user
    /// come from this bounded cache. All use a match timeout so a pathological pattern cannot hang a sync.
    /// </summary>
    internal static class RegexCache
    {
        public static readonly TimeSpan MatchTimeout = ExpressionLimits.RegexTimeout;
        private const int MaxEntries = 512;
        private static readonly ConcurrentDictionary<string, Regex> Cache = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        /// <summary>Builds a case-sensitive, culture-invariant regex. Throws <see cref="ArgumentException"/> for a bad pattern.</summary>
        public static Regex Create(string pattern) => new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);

        public static Regex Get(string pattern)
        {
            if (Cache.TryGetValue(pattern, out var regex)) return regex;
            regex = Create(pattern);
            if (Cache.Count >= MaxEntries) Cache.Clear();
            Cache[pattern] = regex;
            return regex;
        }
    }
}
