using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// A computed plan: the items (what the sync will do, object by object), the summary, and what it was computed
    /// from, so a sync can apply exactly this plan and refuse it when the source, ShareFile, the links or the
    /// configuration changed since (<see cref="PlanStaleness"/>).
    /// </summary>
    public sealed class ProvisioningPlan
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        public string PlanId { get; set; }

        public PlanBasis Basis { get; set; } = new PlanBasis();

        public List<PlanItem> Items { get; set; } = new List<PlanItem>();

        public PlanSummary Summary { get; set; } = new PlanSummary();

        /// <summary>The plan as JSON (secrets are never in a plan; redacted values are left out).</summary>
        public string ToJson() => PlanJson.Serialize(this);

        /// <exception cref="InvalidDataException">Not a plan, or of another schema version; the message says which.</exception>
        public static ProvisioningPlan FromJson(string json, string source = null) => PlanJson.Deserialize(json, source ?? "plan");

        /// <summary>Writes the plan atomically (write, flush, rename).</summary>
        public Task SaveAsync(string path, CancellationToken cancellationToken) =>
            AtomicFile.WriteAsync(path, (stream, ct) => PlanJson.WriteAsync(stream, this, ct), cancellationToken);

        public static ProvisioningPlan Load(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"The plan file '{path}' does not exist.", path);
            return FromJson(File.ReadAllText(path, Encoding.UTF8), path);
        }
    }

    /// <summary>What a plan was computed from.</summary>
    public sealed class PlanBasis
    {
        /// <summary>The profile (ShareFile account setup) the plan belongs to.</summary>
        public string ProfileName { get; set; }

        /// <summary>"Entra ID" or "Pipeline".</summary>
        public string SourceName { get; set; }

        /// <summary>The ShareFile subdomain.</summary>
        public string Subdomain { get; set; }

        /// <summary>Set when the plan covers one user only (-UserPrincipalName/-ObjectId).</summary>
        public string SingleObject { get; set; }

        public bool IncludesUnmanaged { get; set; }

        /// <summary>The licence reclaim the plan was computed with; null = none.</summary>
        public LicenceReclaimOptions Reclaim { get; set; }

        /// <summary>Hash of the source inputs used: ids, scope state and the mapped attribute values.</summary>
        public string SourceFingerprint { get; set; }

        /// <summary>Hash of the ShareFile users the plan read (complete listing or the targeted ones).</summary>
        public string TargetFingerprint { get; set; }

        /// <summary>Hash of the stored links the plan used.</summary>
        public string LinksFingerprint { get; set; }

        /// <summary><see cref="Configuration.ConfigurationFingerprint"/> of the configuration used.</summary>
        public string ConfigurationFingerprint { get; set; }

        /// <summary>The delta links the plan started from (null for a full read): an incremental plan is stale once they move.</summary>
        public string UsersDeltaLinkUsed { get; set; }

        public string GroupsDeltaLinkUsed { get; set; }

        /// <summary>The watermark to store once the plan is applied (null when the source has none).</summary>
        public SourceWatermark NextWatermark { get; set; }

        public DateTimeOffset CreatedAt { get; set; }
    }
}
