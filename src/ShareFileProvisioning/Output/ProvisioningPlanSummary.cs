using System;
using System.Collections.Specialized;

namespace ShareFileProvisioning
{
    /// <summary>The plan's totals (Get-ProvisioningPlan): counts per action, licence forecast, deletion threshold, what it was computed from.</summary>
    public sealed class ProvisioningPlanSummary
    {
        public string PlanId { get; set; }

        public string Profile { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        /// <summary>Why the plan read everything although changes were asked for; else null.</summary>
        public string FullReadReason { get; set; }

        public int Create { get; set; }

        public int Adopt { get; set; }

        public int Update { get; set; }

        public int Enable { get; set; }

        public int Disable { get; set; }

        public int DowngradeToClient { get; set; }

        public int PromoteToEmployee { get; set; }

        public int Delete { get; set; }

        public int Skip { get; set; }

        public int Conflict { get; set; }

        /// <summary>ShareFile users no link or match explains (listed as items only with -IncludeUnmanaged).</summary>
        public int Unmanaged { get; set; }

        /// <summary>Skip and Conflict items per reason.</summary>
        public OrderedDictionary SkipReasons { get; set; } = new OrderedDictionary();

        /// <summary>"Create 12, Adopt 3, …" — the non-zero counts.</summary>
        public string Actions { get; set; }

        public int SourceUsers { get; set; }

        public int ShareFileUsers { get; set; }

        /// <summary>Null when ShareFile reports no cap.</summary>
        public int? LicenceUserMax { get; set; }

        public int EmployeesNow { get; set; }

        public int EmployeesAdded { get; set; }

        public int EmployeesFreed { get; set; }

        /// <summary>Of EmployeesFreed, the licences the plan's licence reclaim (-Reclaim) frees.</summary>
        public int EmployeesReclaimed { get; set; }

        public int EmployeesAfter { get; set; }

        /// <summary>Employee creations/promotions skipped because the licences are used up.</summary>
        public int LicenceRefused { get; set; }

        public bool LicenceExceeded { get; set; }

        /// <summary>"12 + 3 − 1 = 14 of 50".</summary>
        public string Licence { get; set; }

        /// <summary>Client creations refused on a strict employee domain.</summary>
        public int StrictEmployeeDomainClients { get; set; }

        /// <summary>Disables, downgrades and deletes in the plan.</summary>
        public int Deprovisioning { get; set; }

        public int DeletionLimit { get; set; }

        /// <summary>When true, the sync stages the deprovisioning actions unless deletes are allowed.</summary>
        public bool ThresholdExceeded { get; set; }

        /// <summary>"3 of at most 500".</summary>
        public string Threshold { get; set; }

        /// <summary>Linked users this read takes out of scope.</summary>
        public int LeftScope { get; set; }

        /// <summary>The source-shrink guard: how many managed users leave scope, against its limits.</summary>
        public string SourceShrink { get; set; }

        /// <summary>Why the read looks broken (no assignments while users are linked); the sync refuses it without -AllowDeletes.</summary>
        public string SuspiciousSource { get; set; }

        public string SourceFingerprint { get; set; }

        public string TargetFingerprint { get; set; }

        public string ConfigurationFingerprint { get; set; }

        public DateTime CreatedAt { get; set; }

        /// <summary>Where -OutFile saved the plan; else null.</summary>
        public string OutFile { get; set; }

        public TimeSpan ReadingSource { get; set; }

        public TimeSpan ReadingShareFile { get; set; }

        public TimeSpan Computing { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>Users whose disabled state ShareFile's listing left out, read one by one because the plan depends on it.</summary>
        public int ShareFileStateLookups { get; set; }

        public override string ToString() => $"{CycleType} plan: {Actions}";
    }
}
