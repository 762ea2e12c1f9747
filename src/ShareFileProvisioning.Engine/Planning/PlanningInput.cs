using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Everything the (pure) planner computes from. Nothing here is changed by planning.</summary>
    public sealed class PlanningInput
    {
        /// <summary>A full read (every in-scope user) or an incremental one (the change lists).</summary>
        public SourceReadResult Source { get; set; }

        public TargetSnapshot Target { get; set; }

        public LinkSet Links { get; set; }

        public MappingSet Mappings { get; set; }

        public PlanCycleType CycleType { get; set; }

        /// <summary>The plan's clock (grace periods, Now() in expressions).</summary>
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>List Unmanaged ShareFile users as items (they are always counted in the summary).</summary>
        public bool IncludeUnmanaged { get; set; }

        /// <summary>
        /// Plan only these source ids (provision on demand): linked users outside this set are not evaluated and no
        /// Unmanaged users are reported. Null = the whole scope.
        /// </summary>
        public ISet<string> OnlySourceIds { get; set; }

        /// <summary>The licence reclaim to plan; null = none.</summary>
        public LicenceReclaimOptions Reclaim { get; set; }

        /// <summary>ShareFile ids of administrators (the signed-in one included): never disabled, downgraded or deleted; adopted, only their names are updated.</summary>
        public ISet<string> ProtectedTargetIds { get; set; }

        /// <summary>Provision on demand: plan only these groups (and no removal of unassigned ones). Null = every group.</summary>
        public ISet<string> OnlyGroupIds { get; set; }

        /// <summary>Groups in ShareFile and (Flatten) transitive members; null when group provisioning is off and nothing is linked.</summary>
        public GroupPlanningInput Groups { get; set; }

        /// <summary>Profile, source name, subdomain, delta links used … copied into the plan's basis (fingerprints are filled in).</summary>
        public PlanBasis Basis { get; set; }
    }
}
