namespace ShareFileProvisioning
{
    /// <summary>
    /// A profile's provisioning configuration as Get-ShareFileProvisioningConfiguration shows it: the settings, the
    /// attribute mappings and scoping filters, and the fingerprint a saved plan compares against.
    /// </summary>
    public sealed class ShareFileProvisioningConfiguration
    {
        public string Profile { get; set; }

        public string ConfigurationPath { get; set; }

        /// <summary>True when no file exists yet and these are the defaults.</summary>
        public bool IsDefault { get; set; }

        public int SchemaVersion { get; set; }

        public string Fingerprint { get; set; }

        public ShareFileAttributeMapping[] Mappings { get; set; }

        public ShareFileScopingClause[] ScopingFilters { get; set; }

        public int ScopingFilterCount { get; set; }

        public string[] SourceAttributes { get; set; }

        public string DefaultUserType { get; set; }

        public string UserTypeExpression { get; set; }

        public string[] ClientGroups { get; set; }

        public string[] EmployeeGroups { get; set; }

        public string DeprovisioningAction { get; set; }

        public string ReassignToUser { get; set; }

        public int GracePeriodDays { get; set; }

        public int DeletionThresholdCount { get; set; }

        public double? DeletionThresholdPercent { get; set; }

        public bool GroupProvisioningEnabled { get; set; }

        public bool GroupIsShared { get; set; }

        public string GroupOnRemoved { get; set; }

        public string GroupNestedGroups { get; set; }

        public string GroupOverflowPolicy { get; set; }

        public string[] NotificationRecipients { get; set; }

        public string NotificationGraphSender { get; set; }

        public string NotificationSmtpHost { get; set; }

        public int? NotificationSmtpPort { get; set; }

        public string NotificationSmtpFrom { get; set; }

        public double QuarantineFailureRatePercent { get; set; }

        public int QuarantineMinimumActions { get; set; }

        public int LogRetentionDays { get; set; }

        public int LogRetentionCycles { get; set; }

        public override string ToString() => $"{Profile} ({ConfigurationPath})";
    }
}
