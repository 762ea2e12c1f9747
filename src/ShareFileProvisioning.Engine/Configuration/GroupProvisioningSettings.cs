using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>One group attribute mapping (the only ShareFile group attribute is Name).</summary>
    public sealed class GroupAttributeMapping
    {
        public string SourceAttribute { get; set; } = "displayName";

        /// <summary>Optional expression over the group's attributes (displayName, id); when set it replaces <see cref="SourceAttribute"/>.</summary>
        public string Expression { get; set; }

        public string Target { get; set; } = "Name";

        public int MatchingPrecedence { get; set; } = 1;
    }

    /// <summary>Provisioning of assigned Entra groups as ShareFile distribution groups.</summary>
    public sealed class GroupProvisioningSettings
    {
        /// <summary>ShareFile's member limit per distribution group.</summary>
        public const int ShareFileMemberLimit = 2000;

        public bool Enabled { get; set; }

        public List<GroupAttributeMapping> Mappings { get; set; } = new List<GroupAttributeMapping>();

        public bool IsShared { get; set; } = true;

        public GroupRemovedAction OnGroupRemoved { get; set; } = GroupRemovedAction.Delete;

        public NestedGroupHandling NestedGroups { get; set; } = NestedGroupHandling.Direct;

        /// <summary>Applies to groups with more than <see cref="ShareFileMemberLimit"/> members.</summary>
        public GroupOverflowPolicy OverflowPolicy { get; set; } = GroupOverflowPolicy.Skip;
    }
}
