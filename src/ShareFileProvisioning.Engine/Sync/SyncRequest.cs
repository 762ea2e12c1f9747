using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>What <see cref="SyncService"/> syncs and how.</summary>
    public sealed class SyncRequest
    {
        /// <summary>Entra (EntraSource) or pipeline rows.</summary>
        public IProvisioningSource Source { get; set; }

        public ShareFileClient ShareFile { get; set; }

        /// <summary>The profile: its name, state folder (links, watermark, pending creates) and log folder.</summary>
        public ProvisioningProfile Profile { get; set; }

        public ProvisioningConfiguration Configuration { get; set; }

        /// <summary>Default: <see cref="FileStateStore"/> in the profile's state folder.</summary>
        public IStateStore State { get; set; }

        /// <summary>Default: the source-watermark.json document of <see cref="State"/> (<see cref="StateSourceWatermarkStore"/>).</summary>
        public ISourceWatermarkStore Watermarks { get; set; }

        /// <summary>Default: <see cref="FileLogStore"/> in the profile's log folder; the sync writes one record per action.</summary>
        public ILogStore Logs { get; set; }

        /// <summary>Optional: told about quarantine, staged deletes and failures after the cycle.</summary>
        public NotificationService Notifications { get; set; }

        /// <summary>A saved plan to apply exactly; refused when stale. Null = compute the plan now.</summary>
        public ProvisioningPlan SavedPlan { get; set; }

        /// <summary>Re-evaluate everything (Entra's restart: links kept).</summary>
        public bool Full { get; set; }

        /// <summary>Provision on demand: these users (UPN or object id) and groups (object id) only, comma-separated; null = the whole
        /// scope. The watermark stays where it is.</summary>
        public string OnDemand { get; set; }

        /// <summary>Downgrade employees that qualify to clients (docs/licence-reclaim.md); null = no reclaim. A saved plan brings its own.</summary>
        public LicenceReclaimOptions Reclaim { get; set; }

        /// <summary>Let deprovisioning through even above the deletion threshold (and release staged deletes).</summary>
        public bool AllowDeletes { get; set; }

        /// <summary>Bind the profile's state to this source although it was built from another (links are kept).</summary>
        public bool RebindSource { get; set; }

        /// <summary>Most ShareFile writes in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>The ShareFile subdomain (the log's target system).</summary>
        public string Subdomain { get; set; }

        /// <summary>The Entra tenant (the log's tenant and job id).</summary>
        public string TenantId { get; set; }

        /// <summary>Retry-queue back-off across runs; default Entra's 6 h, 12 h, 24 h (then every 24 h).</summary>
        public IReadOnlyList<TimeSpan> EscrowBackoff { get; set; } = SyncDefaults.EscrowBackoff;

        /// <summary>Links are persisted after this many new links (and at the end).</summary>
        public int LinkFlushEvery { get; set; } = 200;

        /// <summary>The cycle's clock; null = now.</summary>
        public DateTimeOffset? Now { get; set; }

        /// <summary>Listing page size for the plan's reads; null = the server's.</summary>
        public int? PageSize { get; set; }

        public IEngineTrace Trace { get; set; }

        internal DateTimeOffset Clock => Now ?? DateTimeOffset.UtcNow;
    }

    public static class SyncDefaults
    {
        public static readonly IReadOnlyList<TimeSpan> EscrowBackoff = new[] { TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24) };

        /// <summary>How long a failing action stays in the retry queue (Entra gives up after 28 days).</summary>
        public static readonly TimeSpan EscrowLifetime = TimeSpan.FromDays(28);

        public const int MaxThrottleLimit = 64;

        public const int CycleHistoryKept = 100;
    }
}
