namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>What happens to linked users that leave scope.</summary>
    public sealed class DeprovisioningSettings
    {
        public DeprovisioningAction Action { get; set; } = DeprovisioningAction.Disable;

        /// <summary>Email or ShareFile id that receives files and groups. Required for Delete; used by downgrade if set.</summary>
        public string ReassignToUser { get; set; }

        /// <summary>Days out of scope before Delete/DowngradeToClient runs (the user is disabled meanwhile). 0 = at once.</summary>
        public int GracePeriodDays { get; set; }
    }

    /// <summary>Accidental-deletion prevention: disables, downgrades and deletes of users and groups per cycle.</summary>
    public sealed class DeletionThresholdSettings
    {
        /// <summary>Entra's default.</summary>
        public const int DefaultCount = 500;

        public int Count { get; set; } = DefaultCount;

        /// <summary>Optional percentage (0–100] of managed (linked) accounts; the lower limit wins.</summary>
        public double? Percent { get; set; }

        /// <summary>The guard against a shrinking or failing source (docs/safety.md).</summary>
        public SourceShrinkSettings SourceShrink { get; set; } = new SourceShrinkSettings();
    }

    /// <summary>
    /// A read that takes more than <see cref="Percent"/> of the managed accounts out of scope and more than
    /// <see cref="Minimum"/> of them, or more than <see cref="Count"/> whatever the share, stages every deprovisioning of
    /// its cycle: a shrinking source is more often a broken read or a removed assignment than a company leaving.
    /// </summary>
    public sealed class SourceShrinkSettings
    {
        public double Percent { get; set; } = 10;

        public int Minimum { get; set; } = 20;

        public int Count { get; set; } = 500;
    }

    /// <summary>When a cycle stops early: a failure rate above <see cref="FailureRatePercent"/> of at least <see cref="MinimumActions"/>.</summary>
    public sealed class QuarantineSettings
    {
        public double FailureRatePercent { get; set; } = 40;

        public int MinimumActions { get; set; } = 20;
    }
}
