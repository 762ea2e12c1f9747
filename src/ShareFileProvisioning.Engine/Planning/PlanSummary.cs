using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Counts, the licence forecast, the strict-employee flags and the deletion threshold check.</summary>
    public sealed class PlanSummary
    {
        public PlanCycleType CycleType { get; set; }

        /// <summary>Why an incremental plan is a full one (no delta links, expired token, attributes changed); else null.</summary>
        public string FullReadReason { get; set; }

        /// <summary>Items per action (every action listed, zeros included).</summary>
        public Dictionary<PlanAction, int> Counts { get; set; } = new Dictionary<PlanAction, int>();

        /// <summary>Skip and Conflict items per reason.</summary>
        public Dictionary<SkipReason, int> SkipReasons { get; set; } = new Dictionary<SkipReason, int>();

        /// <summary>ShareFile users no link or match explains (counted even when their items are not listed).</summary>
        public int UnmanagedCount { get; set; }

        /// <summary>Source users evaluated.</summary>
        public int SourceUsers { get; set; }

        /// <summary>ShareFile users read.</summary>
        public int TargetUsers { get; set; }

        /// <summary>Links stored before the plan (managed accounts).</summary>
        public int LinkCount { get; set; }

        public LicenceForecast Licence { get; set; } = new LicenceForecast();

        /// <summary>Client creations skipped because their domain is a strict employee domain.</summary>
        public int StrictEmployeeDomainClients { get; set; }

        public DeletionThresholdCheck Threshold { get; set; } = new DeletionThresholdCheck();

        public DateTimeOffset CreatedAt { get; set; }

        public int Count(PlanAction action) => Counts != null && Counts.TryGetValue(action, out var n) ? n : 0;
    }

    /// <summary>Employee licences before and after the plan (a disabled employee still holds one).</summary>
    public sealed class LicenceForecast
    {
        /// <summary>Null = unknown or unlimited.</summary>
        public int? UserMax { get; set; }

        public int EmployeesNow { get; set; }

        /// <summary>Employees the plan creates or promotes (licence-limited ones excluded).</summary>
        public int Added { get; set; }

        /// <summary>Licences the plan frees (downgrades, deletes of employees). Freed after the creations run.</summary>
        public int Freed { get; set; }

        /// <summary>Of <see cref="Freed"/>, the licences a licence reclaim frees (docs/licence-reclaim.md).</summary>
        public int Reclaimed { get; set; }

        public int EmployeesAfter => EmployeesNow + Added - Freed;

        /// <summary>Employee creations/promotions the plan wanted but skipped for the cap (LicenceLimit).</summary>
        public int Refused { get; set; }

        /// <summary>True when the wanted employees do not fit UserMax (the refused ones are Skip LicenceLimit items).</summary>
        public bool WouldExceed { get; set; }
    }

    /// <summary>Disables, downgrades and deletes against the configured count and percent of managed accounts.</summary>
    public sealed class DeletionThresholdCheck
    {
        public int Deprovisioning { get; set; }

        public int ConfiguredCount { get; set; }

        public double? ConfiguredPercent { get; set; }

        /// <summary>The lower of the count and the percent of managed (linked) accounts.</summary>
        public int EffectiveLimit { get; set; }

        /// <summary>When true the sync stages the deprovisioning items (StagedDelete) unless deletes are allowed.</summary>
        public bool Exceeded { get; set; }

        /// <summary>Linked users this read takes out of scope (the source-shrink guard counts these).</summary>
        public int LeftScope { get; set; }

        /// <summary>Managed (linked) users before the plan.</summary>
        public int ManagedUsers { get; set; }

        /// <summary>The source-shrink guard's limits, as one line ("more than 10 % and more than 20, or more than 500").</summary>
        public string ShrinkLimit { get; set; }

        /// <summary>True when the read takes too many managed users out of scope: every deprovisioning is staged.</summary>
        public bool ShrinkExceeded { get; set; }

        /// <summary>Why the read looks broken (no assignments while accounts are linked); null when it does not. A sync refuses it without -AllowDeletes.</summary>
        public string SuspiciousSource { get; set; }
    }
}
