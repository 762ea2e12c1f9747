namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// A stable hash of the normalized configuration (its compact canonical JSON), "sha256:&lt;hex&gt;". Saved plans
    /// carry it; a different value means the configuration changed since the plan was computed.
    /// </summary>
    public static class ConfigurationFingerprint
    {
        public static string Compute(ProvisioningConfiguration config) =>
            ConfigurationJson.Fingerprint((config ?? throw new System.ArgumentNullException(nameof(config))).Clone());
    }
}
