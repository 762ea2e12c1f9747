using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.State
{
    public enum LinkedObjectType
    {
        User,
        Group,
    }

    /// <summary>How a link came about.</summary>
    public enum LinkOrigin
    {
        /// <summary>We created the ShareFile object.</summary>
        Created,
        /// <summary>An existing ShareFile object was matched and adopted.</summary>
        Matched,
    }

    /// <summary>Entra object id → ShareFile id (Entra's "object connection").</summary>
    public sealed class ObjectLink
    {
        public string SourceId { get; set; }

        public string TargetId { get; set; }

        public LinkedObjectType ObjectType { get; set; }

        public string DisplayName { get; set; }

        /// <summary>The matching attribute that adopted it (e.g. "userPrincipalName"), or null for created objects.</summary>
        public string MatchedBy { get; set; }

        public bool CreatedByUs { get; set; }

        public DateTimeOffset LinkedAt { get; set; }

        /// <summary>When the object left scope (grace period start); null while in scope.</summary>
        public DateTimeOffset? OutOfScopeSince { get; set; }

        /// <summary>When a licence reclaim downgraded the user; until it signs in again, it is not promoted back.</summary>
        public DateTimeOffset? ReclaimedAt { get; set; }
    }

    /// <summary>The Graph delta links to resume incremental reads.</summary>
    public sealed class DeltaLinks
    {
        public string Users { get; set; }

        public string Groups { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }
    }

    /// <summary>One principal assigned to the app at the last cycle.</summary>
    public sealed class AssignedPrincipal
    {
        public string PrincipalId { get; set; }

        public LinkedObjectType PrincipalType { get; set; }

        public string AppRoleId { get; set; }
    }

    /// <summary>The app's assignments as seen by the last cycle (the incremental cycle diffs against it).</summary>
    public sealed class AssignmentSnapshot
    {
        public DateTimeOffset TakenAt { get; set; }

        public List<AssignedPrincipal> Principals { get; set; } = new List<AssignedPrincipal>();
    }

    /// <summary>A failed action in the retry queue, waiting for its next attempt. No secrets: codes and messages only.</summary>
    public sealed class RetryQueueEntry
    {
        /// <summary>e.g. Create, Update, Disable, Delete, AddMember.</summary>
        public string Action { get; set; }

        public LinkedObjectType ObjectType { get; set; }

        /// <summary>Source (Entra) object id.</summary>
        public string ObjectId { get; set; }

        public string DisplayName { get; set; }

        public int AttemptCount { get; set; }

        public DateTimeOffset FirstFailureAt { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }

        public string LastErrorCode { get; set; }

        public string LastErrorMessage { get; set; }
    }

    /// <summary>One finished (or stopped) cycle.</summary>
    /// <summary>
    /// An object whose provisioning waits on a cause outside the module (a licence, an email in use, a conflict, a
    /// permanent failure): every cycle, incremental ones too, looks at it again until it resolves.
    /// </summary>
    public sealed class WaitingEntry
    {
        public string ObjectId { get; set; }

        public LinkedObjectType ObjectType { get; set; }

        public string DisplayName { get; set; }

        /// <summary>The skip reason (LicenceLimit, EmailInUse, …) or the permanent failure's error code.</summary>
        public string Reason { get; set; }

        public string Message { get; set; }

        public DateTimeOffset Since { get; set; }

        public DateTimeOffset LastSeenAt { get; set; }
    }

    public sealed class CycleHistoryEntry
    {
        public string CycleId { get; set; }

        /// <summary>Initial, Incremental or Full.</summary>
        public string CycleType { get; set; }

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        /// <summary>Succeeded, Failed, Quarantined, Cancelled …</summary>
        public string Status { get; set; }

        /// <summary>Counts per action/outcome (e.g. Create → 12).</summary>
        public Dictionary<string, int> Counts { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public string Error { get; set; }
    }

    /// <summary>Why the profile is quarantined and since when.</summary>
    public sealed class QuarantineStatus
    {
        /// <summary>Entra vocabulary: TooManyDeletes, EncounteredQuarantineException, EncounteredEscrowProportionThreshold …</summary>
        public string Reason { get; set; }

        public DateTimeOffset Since { get; set; }

        public string Details { get; set; }
    }

    /// <summary>A deprovisioning action held back by the deletion threshold until approved.</summary>
    public sealed class StagedDelete
    {
        public string SourceId { get; set; }

        public string TargetId { get; set; }

        public LinkedObjectType ObjectType { get; set; }

        /// <summary>Disable, DowngradeToClient or Delete.</summary>
        public string Action { get; set; }

        public string DisplayName { get; set; }

        public string CycleId { get; set; }

        public DateTimeOffset StagedAt { get; set; }

        public bool Approved { get; set; }
    }
}
