using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>"Did you mean" candidates for unknown function and attribute names.</summary>
    internal static class NameSuggestions
    {
        public static List<string> Near(string name, IEnumerable<string> candidates, int max = 3)
        {
            var scored = new List<KeyValuePair<int, string>>();
            foreach (var candidate in candidates)
            {
                var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                var threshold = Math.Max(2, name.Length / 4);
                var related = candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase) ||
                              (name.Length >= 3 && candidate.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0);
                if (distance <= threshold || related) scored.Add(new KeyValuePair<int, string>(related ? Math.Min(distance, threshold) : distance, candidate));
            }
            scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
            var result = new List<string>();
            for (var i = 0; i < scored.Count && i < max; i++) result.Add(scored[i].Value);
            return result;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var t = previous;
                previous = current;
                current = t;
            }
            return previous[b.Length];
        }
    }
}
