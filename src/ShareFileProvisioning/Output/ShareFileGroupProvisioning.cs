namespace ShareFileProvisioning
{
    /// <summary>The group-provisioning settings of a profile (Set-/Get-ShareFileGroupProvisioning).</summary>
    public sealed class ShareFileGroupProvisioning
    {
        public string Profile { get; set; }
        public bool Enabled { get; set; }
        /// <summary>"[displayName]" or the expression that yields the ShareFile group name (also the matching value).</summary>
        public string NameMapping { get; set; }
        public bool IsShared { get; set; }
        public string OnGroupRemoved { get; set; }
        public string NestedGroups { get; set; }
        public string OverflowPolicy { get; set; }
        public string ConfigurationPath { get; set; }

        public override string ToString() => $"Group provisioning {(Enabled ? "enabled" : "disabled")} ({Profile})";
    }
}
