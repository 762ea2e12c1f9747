using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    public enum ScopeChangeKind
    {
        Entered,
        Left,
        Changed,
    }

    /// <summary>Why a user left scope; the first that applies in this order.</summary>
    public enum LeftScopeReason
    {
        None,
        HardDeleted,
        SoftDeleted,
        Unassigned,
        RemovedFromGroup,
        Disabled,
        /// <summary>Still assigned, but no scoping filter passes any more.</summary>
        FilteredOut,
    }

    public sealed class UserScopeChange
    {
        public string UserId { get; set; }

        public ScopeChangeKind Kind { get; set; }

        public LeftScopeReason LeftReason { get; set; }

        /// <summary>The user now (attributes read this cycle when Graph returned them); Left users have IsSoftDeleted set.</summary>
        public ScopedUser User { get; set; }

        /// <summary>For Changed: the delta reported the user (selected attributes changed), or its reasons changed.</summary>
        public bool AttributesChanged { get; set; }

        public override string ToString() => $"{Kind} {User?.UserPrincipalName ?? UserId}" + (Kind == ScopeChangeKind.Left ? $" ({LeftReason})" : string.Empty);
    }

    public sealed class GroupScopeChange
    {
        public string GroupId { get; set; }

        public ScopeChangeKind Kind { get; set; }

        public ScopedGroup Group { get; set; }

        public List<string> AddedMemberIds { get; set; } = new List<string>();

        public List<string> RemovedMemberIds { get; set; } = new List<string>();

        /// <summary>Left because the group was deleted rather than unassigned.</summary>
        public bool Deleted { get; set; }

        public override string ToString() => $"{Kind} group {Group?.DisplayName ?? GroupId} (+{AddedMemberIds.Count}/-{RemovedMemberIds.Count})";
    }
}
