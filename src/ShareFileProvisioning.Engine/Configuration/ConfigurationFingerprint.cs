using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// A stable hash of the normalized configuration (its compact canonical JSON, mappings in a fixed order), "sha256:&lt;hex&gt;". Saved plans
    /// carry it; a different value means the configuration changed since the plan was computed.
    /// </summary>
    public static class ConfigurationFingerprint
    {
        public static string Compute(ProvisioningConfiguration config)
        {
            var normalized = (config ?? throw new System.ArgumentNullException(nameof(config))).Clone();
            // Mapping order carries no meaning (one written mapping per target; matching goes by precedence).
            normalized.UserMappings = normalized.UserMappings
                .OrderBy(m => m?.Target).ThenBy(m => m?.LookupOnly).ThenBy(m => m?.MatchingPrecedence)
                .ThenBy(m => m?.DescribeSource(), System.StringComparer.Ordinal).ToList();
            return ConfigurationJson.Fingerprint(normalized);
        }

        /// <summary>
        /// One fingerprint per part that decides how objects are evaluated (mappings, scoping filters, user-type rule,
        /// deprovisioning, groups), keyed by the part's name as the admin knows it. A cycle compares them with those
        /// the last cycle used: any change makes it a full evaluation of everyone, as Entra starts a new initial cycle.
        /// </summary>
        public static Dictionary<string, string> EvaluationParts(ProvisioningConfiguration config)
        {
            var normalized = (config ?? throw new System.ArgumentNullException(nameof(config))).Clone();
            var mappings = normalized.UserMappings
                .OrderBy(m => m?.Target).ThenBy(m => m?.LookupOnly).ThenBy(m => m?.MatchingPrecedence)
                .ThenBy(m => m?.DescribeSource(), System.StringComparer.Ordinal).ToList();
            return new Dictionary<string, string>
            {
                ["the attribute mappings"] = Part(new { mappings, normalized.SourceAttributes }),
                ["the scoping filters"] = Part(normalized.ScopingFilters),
                ["the user-type rule"] = Part(normalized.UserType),
                ["the deprovisioning settings"] = Part(normalized.Deprovisioning),
                ["the group provisioning settings"] = Part(normalized.GroupProvisioning),
            };
        }

        /// <summary>The names of the parts whose fingerprint differs (a part missing on either side counts as changed).</summary>
        public static List<string> ChangedParts(IDictionary<string, string> before, IDictionary<string, string> now)
        {
            if (before == null || before.Count == 0) return new List<string> { "the configuration the last cycle used (not recorded)" };
            return now.Where(p => !before.TryGetValue(p.Key, out var old) || old != p.Value).Select(p => p.Key).ToList();
        }

        private static string Part(object value) => ConfigurationJson.FingerprintOf(value);
    }
}
