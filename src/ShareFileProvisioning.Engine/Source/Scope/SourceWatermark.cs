using System.Collections.Generic;


namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// What an incremental read starts from: the delta links and the previous scope snapshot (there is no delta for
    /// assignments). Plain data so the state store can serialize it as it is.
    /// </summary>
    public sealed class SourceWatermark
    {
        public string UsersDeltaLink { get; set; }

        public string GroupsDeltaLink { get; set; }

        public List<ScopeAssignment> Assignments { get; set; } = new List<ScopeAssignment>();

        /// <summary>The assigned groups with their direct members at the last read.</summary>
        public List<ScopedGroup> Groups { get; set; } = new List<ScopedGroup>();

        /// <summary>Assigned users known to be disabled (accountEnabled false) at the last read.</summary>
        public List<string> DisabledUserIds { get; set; } = new List<string>();

        /// <summary>Users that left scope by soft delete: their later hard delete is still reported.</summary>
        public List<string> SoftDeletedUserIds { get; set; } = new List<string>();

        /// <summary>The attribute names the links were opened with; a different set needs a full read.</summary>
        public List<string> Attributes { get; set; } = new List<string>();

        /// <summary>Fingerprints of the configuration parts the cycle that stored this evaluated with; a change means a full evaluation.</summary>
        public Dictionary<string, string> EvaluatedWith { get; set; }
    }
}
