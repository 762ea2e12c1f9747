using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>One ShareFile distribution group as the planner sees it.</summary>
    public sealed class TargetGroup
    {
        public string Id { get; set; }

        public string Name { get; set; }

        public bool IsShared { get; set; }

        /// <summary>Member user ids; null when the members were not read (a group the plan does not touch).</summary>
        public HashSet<string> MemberIds { get; set; }
    }

    /// <summary>The ShareFile groups read for a plan: every group (one GET Groups) and the members of the ones in play.</summary>
    public sealed class GroupTargetSnapshot
    {
        public List<TargetGroup> Groups { get; set; } = new List<TargetGroup>();

        /// <summary>HTTP requests this read sent.</summary>
        public int RequestCount { get; set; }
    }

    /// <summary>What the planner needs about groups beyond the source read.</summary>
    public sealed class GroupPlanningInput
    {
        public GroupTargetSnapshot Target { get; set; } = new GroupTargetSnapshot();

        /// <summary>Flatten mode: assigned group id → every transitive user member (deduplicated).</summary>
        public Dictionary<string, List<string>> TransitiveMembers { get; set; } = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
    }
}
