using System;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>What <see cref="PlanService"/> plans from and how.</summary>
    public sealed class PlanRequest
    {
        /// <summary>Entra (EntraSource) or pipeline rows (PipelineSource).</summary>
        public IProvisioningSource Source { get; set; }

        /// <summary>The connected ShareFile client (read only: the plan changes nothing).</summary>
        public ShareFileClient ShareFile { get; set; }

        /// <summary>The profile's links (read only); null = no links (every user is matched).</summary>
        public IStateStore State { get; set; }

        /// <summary>The stored source watermark (read only); null = always a full read.</summary>
        public ISourceWatermarkStore Watermarks { get; set; }

        public ProvisioningConfiguration Configuration { get; set; }

        /// <summary>Re-evaluate everything (Entra's restart: links kept) instead of reading changes.</summary>
        public bool Full { get; set; }

        /// <summary>Plan one user only (UPN or source object id): provision on demand's preview.</summary>
        public string SingleUser { get; set; }

        public bool IncludeUnmanaged { get; set; }

        /// <summary>Downgrade employees that qualify to clients (docs/licence-reclaim.md); null = no reclaim.</summary>
        public LicenceReclaimOptions Reclaim { get; set; }

        public string ProfileName { get; set; }

        /// <summary>The ShareFile subdomain, recorded in the plan.</summary>
        public string Subdomain { get; set; }

        /// <summary>The plan's clock; null = now.</summary>
        public DateTimeOffset? Now { get; set; }

        /// <summary>Listing page size ($top); null = the server's.</summary>
        public int? PageSize { get; set; }

        /// <summary>
        /// Read ShareFile, then the source, instead of both at once: lower peak memory (their read buffers do not
        /// overlap) for a longer wall time.
        /// </summary>
        public bool ReadOneAtATime { get; set; }

        /// <summary>Most ShareFile or Graph requests in flight at once for targeted reads.</summary>
        public int MaxConcurrency { get; set; } = 8;

        public IEngineTrace Trace { get; set; }

        /// <summary>Users an incremental read re-reads although the delta did not report them (waiting skips, retries due).</summary>
        public System.Collections.Generic.IReadOnlyCollection<string> RevisitUserIds { get; set; }

        /// <summary>The per-account reads to share with the caller (the account report); null = the plan's own.</summary>
        internal AccountDetailsReads AccountReads { get; set; }

        /// <summary>
        /// Called once the whole ShareFile account is listed, while the source may still be read: the account report
        /// starts its per-employee reads there instead of after the plan.
        /// </summary>
        internal Action<TargetSnapshot> TargetRead { get; set; }

        /// <summary>
        /// False only for the account report, whose plan is never applied or saved: it reads every account's roles
        /// itself, so the plan's administrator check would only read some of them first.
        /// </summary>
        internal bool ProtectAdministrators { get; set; } = true;

        /// <summary>Keeps the tenant's users when the source read lists the whole tenant (the account report); null = not kept.</summary>
        internal Source.Scope.TenantListing TenantListing { get; set; }
    }

    /// <summary>A computed plan and how long its parts took.</summary>
    public sealed class PlanResult
    {
        public ProvisioningPlan Plan { get; set; }

        public PlanTimings Timings { get; set; } = new PlanTimings();

        /// <summary>What the plan was computed from (the account report classifies every ShareFile account with it).</summary>
        public TargetSnapshot Target { get; set; }

        public Source.Scope.SourceReadResult Source { get; set; }

        /// <summary>Notes for the admin (e.g. why a single user is not in scope); never secrets.</summary>
        public System.Collections.Generic.List<string> Notes { get; set; } = new System.Collections.Generic.List<string>();
    }

    public sealed class PlanTimings
    {
        public TimeSpan ReadingState { get; set; }

        public TimeSpan ReadingSource { get; set; }

        public TimeSpan ReadingTarget { get; set; }

        public TimeSpan Computing { get; set; }

        /// <summary>Wall time; the reads overlap, so it is less than their sum.</summary>
        public TimeSpan Total { get; set; }

        public int SourceRequests { get; set; }

        public long TargetRequests { get; set; }

        /// <summary>Users whose disabled state the ShareFile listing left out and had to be read one by one (included in <see cref="TargetRequests"/>).</summary>
        public int UserStateLookups { get; set; }
    }
}
