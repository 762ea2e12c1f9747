using System.Collections.Generic;
using System;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Sync
{
    public enum SyncActionStatus
    {
        Success,
        Failure,
        /// <summary>Not applied: not confirmed (-Confirm), or the cycle stopped before it.</summary>
        Skipped,
        /// <summary>A deprovisioning action held back by the deletion threshold (Entra's StagedDelete).</summary>
        Staged,
    }

    /// <summary>The outcome of one plan item.</summary>
    public sealed class SyncActionResult
    {
        public string ChangeId { get; set; }

        public PlanAction Action { get; set; }

        public PlanObjectType ObjectType { get; set; }

        public string SourceId { get; set; }

        public string SourceAnchor { get; set; }

        public string DisplayName { get; set; }

        public string Email { get; set; }

        public SyncActionStatus Status { get; set; }

        /// <summary>The ShareFile id after the action (the new id for a create).</summary>
        public string ShareFileId { get; set; }

        /// <summary>True when a create answered 409 and the existing account was adopted instead.</summary>
        public bool AdoptedOnConflict { get; set; }

        /// <summary>ShareFile's error code / reason, or ours (NoReassignTarget …).</summary>
        public string ErrorCode { get; set; }

        /// <summary>Why it failed, naming the object; never secrets.</summary>
        public string ErrorMessage { get; set; }

        /// <summary>HTTP status of the failure, when ShareFile answered.</summary>
        public int? HttpStatus { get; set; }

        public TimeSpan Duration { get; set; }

        public DateTimeOffset CompletedAt { get; set; }

        /// <summary>The plan item this result is for.</summary>
        public PlanItem Item { get; set; }

        /// <summary>The failure, when there is one (for error records).</summary>
        public Exception Exception { get; set; }

        /// <summary>Group items: members left out because their user is not provisioned (UnableToResolveReferenceAttributeValue).</summary>
        public List<PlanGroupMember> UnresolvedMembers { get; set; } = new List<PlanGroupMember>();

        public override string ToString() => $"{Action} {DisplayName ?? SourceAnchor ?? Email}: {Status}" + (ErrorCode != null ? $" ({ErrorCode})" : "");
    }
}
