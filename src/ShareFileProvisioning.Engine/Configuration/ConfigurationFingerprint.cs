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
    }
}
