using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>
    /// One read of the source. A full read fills <see cref="Users"/> and <see cref="Groups"/> with the whole scope; an
    /// incremental read fills the change lists (and Users/Groups with the objects it read this cycle).
    /// </summary>
    public sealed class SourceReadResult
    {
        public bool IsFullRead { get; set; }

        /// <summary>An incremental read was asked for but the delta links were expired/unknown (or missing): this is a full read.</summary>
        public bool FellBackToFullRead { get; set; }

        public string FallbackReason { get; set; }

        public List<ScopedUser> Users { get; set; } = new List<ScopedUser>();

        public List<ScopedGroup> Groups { get; set; } = new List<ScopedGroup>();

        public List<UserScopeChange> UserChanges { get; set; } = new List<UserScopeChange>();

        public List<GroupScopeChange> GroupChanges { get; set; } = new List<GroupScopeChange>();

        /// <summary>
        /// Assigned users the read could not return (a failed or lagging read): unknown, never out of scope — nothing
        /// that follows from scope (disable, downgrade, delete) may be decided for them this cycle.
        /// </summary>
        public HashSet<string> UnknownUserIds { get; set; } = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);

        /// <summary>App-role assignments the read listed (full and incremental reads list them all); null when the source has none (pipeline).</summary>
        public int? AssignmentCount { get; set; }

        /// <summary>Store this and pass it to the next incremental read.</summary>
        public SourceWatermark Watermark { get; set; }

        /// <summary>HTTP requests this read sent to Graph (retries included).</summary>
        public int RequestCount { get; set; }
    }
}
