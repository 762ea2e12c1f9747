using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// The $select for user reads: exactly the attributes the mappings need plus the four the source always needs.
    /// Entra attribute names map to Graph properties where they differ (objectId → id, extensionAttributeN →
    /// onPremisesExtensionAttributes); the computed IsSoftDeleted is never selected.
    /// </summary>
    internal static class UserSelect
    {
        public static readonly string[] Required = { "id", "userPrincipalName", "accountEnabled", "displayName" };

        private static readonly Regex ExtensionAttribute = new Regex(@"^extensionAttribute([1-9]|1[0-5])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static List<string> Build(IEnumerable<string> attributes)
        {
            var result = new List<string>(Required);
            foreach (var raw in attributes ?? Enumerable.Empty<string>())
            {
                var name = raw?.Trim();
                if (string.IsNullOrEmpty(name) || string.Equals(name, Mapping.SourceObject.IsSoftDeletedAttribute, StringComparison.OrdinalIgnoreCase)) continue;
                if (string.Equals(name, "objectId", StringComparison.OrdinalIgnoreCase)) continue;
                if (ExtensionAttribute.IsMatch(name)) name = "onPremisesExtensionAttributes";
                if (!result.Contains(name, StringComparer.OrdinalIgnoreCase)) result.Add(name);
            }

            return result;
        }
    }
}
