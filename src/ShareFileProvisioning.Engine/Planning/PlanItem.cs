using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// One planned action on one object: exactly what the sync sends for it. The sync executes, in this order: the
    /// link (<see cref="Link"/>), the type change (Promote/Downgrade), the attributes in <see cref="Desired"/> (one
    /// PATCH, Security.IsDisabled included), or the create/delete itself.
    /// </summary>
    public sealed class PlanItem
    {
        /// <summary>Entra's changeId: unique per planned change; the sync's log record reuses it.</summary>
        public string ChangeId { get; set; }

        public PlanAction Action { get; set; }

        public PlanObjectType ObjectType { get; set; }

        /// <summary>Source object id (Entra object id, or the pipeline row's anchor); null for Unmanaged.</summary>
        public string SourceId { get; set; }

        /// <summary>userPrincipalName (Entra's sourceAnchor).</summary>
        public string SourceAnchor { get; set; }

        public string DisplayName { get; set; }

        /// <summary>The ShareFile id when known (linked, matched, Unmanaged); null for Create.</summary>
        public string TargetId { get; set; }

        /// <summary>The ShareFile email now (linked/matched) or to be created.</summary>
        public string TargetEmail { get; set; }

        /// <summary>The ShareFile user kind after the action (null when unknown or not applicable).</summary>
        public UserKind? UserType { get; set; }

        /// <summary>Every written attribute, old → new (create: old is null).</summary>
        public List<PlanAttributeChange> Changes { get; set; } = new List<PlanAttributeChange>();

        /// <summary>What to write, in target terms (see <see cref="PlanUserValues"/>); empty for Skip/Conflict/Delete.</summary>
        public PlanUserValues Desired { get; set; } = new PlanUserValues();

        /// <summary>What happens to the stored link.</summary>
        public PlanLinkChange Link { get; set; } = new PlanLinkChange();

        /// <summary>Delete only: the configured user (email or id) that receives files and groups.</summary>
        public string ReassignTo { get; set; }

        public SkipReason SkipReason { get; set; }

        /// <summary>Set on a licence reclaim's downgrade: why the employee's licence is reclaimed.</summary>
        public ReclaimReason? Reclaim { get; set; }

        /// <summary>Plain-language why, naming the objects involved.</summary>
        public string Reason { get; set; }

        /// <summary>Other objects involved in a conflict (ShareFile ids for DuplicateTargetEntries, source ids for DuplicateSourceEntries).</summary>
        public List<string> ConflictingIds { get; set; } = new List<string>();

        /// <summary>True when this action counts against the deletion threshold (Disable, DowngradeToClient, Delete).</summary>
        public bool IsDeprovisioning => Action == PlanAction.Disable || Action == PlanAction.DowngradeToClient || Action == PlanAction.Delete || Action == PlanAction.DeleteGroup;

        /// <summary>Group items: the members to send (CreateGroup, AddMembers, RemoveMembers). A null TargetId is resolved by the sync from the links once users are provisioned.</summary>
        public List<PlanGroupMember> Members { get; set; } = new List<PlanGroupMember>();

        /// <summary>Group items: in-scope members left out because their user is not (and will not be) provisioned — reference failures, not group failures.</summary>
        public List<PlanGroupMember> UnresolvedMembers { get; set; } = new List<PlanGroupMember>();

        /// <summary>CreateGroup/RenameGroup: whether the group is shared (public) or private.</summary>
        public bool? GroupIsShared { get; set; }

        /// <summary>True when the sync sends something for this item.</summary>
        public bool IsExecutable => Action != PlanAction.Skip && Action != PlanAction.Conflict && Action != PlanAction.Unmanaged;

        public List<PlanStep> Steps { get; set; } = new List<PlanStep>();

        /// <summary>Changes as one line: "Email: a → b; Enabled: True → False".</summary>
        public string ChangeSummary => Changes == null || Changes.Count == 0 ? null : string.Join("; ", Changes.Select(c => c.ToString()));

        public override string ToString() => $"{Action} {ObjectType} {DisplayName ?? SourceAnchor ?? TargetEmail}" + (SkipReason != SkipReason.None ? $" ({SkipReason})" : "");
    }

    /// <summary>One member of a group item: the Entra user and, when already known, its ShareFile id.</summary>
    public sealed class PlanGroupMember
    {
        public string SourceId { get; set; }

        public string TargetId { get; set; }

        /// <summary>userPrincipalName or display name, for messages and logs.</summary>
        public string DisplayName { get; set; }

        public override string ToString() => DisplayName ?? SourceId;
    }

    public enum PlanLinkChangeKind
    {
        /// <summary>The link stays as it is.</summary>
        None,
        /// <summary>Store a new link source → target (Create: the new id; Adopt: the matched id).</summary>
        Add,
        /// <summary>Keep the link but set or clear <see cref="PlanLinkChange.OutOfScopeSince"/> (grace period bookkeeping).</summary>
        Update,
        /// <summary>Remove the link (after Delete, or when the linked ShareFile user no longer exists and is re-created/re-matched).</summary>
        Remove,
    }

    /// <summary>The link bookkeeping the sync does for an item.</summary>
    public sealed class PlanLinkChange
    {
        public PlanLinkChangeKind Kind { get; set; }

        /// <summary>For Add by matching: the source attribute that matched (e.g. userPrincipalName).</summary>
        public string MatchedBy { get; set; }

        /// <summary>The value to store: when the object left scope (grace period start), or null while in scope.</summary>
        public DateTimeOffset? OutOfScopeSince { get; set; }

        /// <summary>A stale link (its ShareFile user is gone) that the sync replaces.</summary>
        public string ReplacesTargetId { get; set; }

        /// <summary>A licence reclaim's downgrade: stored on the link so the user-type rule does not promote it back.</summary>
        public DateTimeOffset? ReclaimedAt { get; set; }
    }
}
