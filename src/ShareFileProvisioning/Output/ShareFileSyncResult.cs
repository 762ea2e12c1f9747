using System;

namespace ShareFileProvisioning
{
    /// <summary>The outcome of one planned action (Invoke-ShareFileSync).</summary>
    public sealed class ShareFileSyncResult
    {
        /// <summary>Create, Adopt, Update, Enable, Disable, DowngradeToClient, PromoteToEmployee or Delete.</summary>
        public string Action { get; set; }

        /// <summary>User or Group.</summary>
        public string ObjectType { get; set; }

        public string DisplayName { get; set; }

        public string UserPrincipalName { get; set; }

        public string Email { get; set; }

        /// <summary>Success, Failure, Skipped (not confirmed) or Staged (held back by the deletion threshold).</summary>
        public string Status { get; set; }

        /// <summary>The ShareFile user id after the action.</summary>
        public string ShareFileId { get; set; }

        /// <summary>True when a create found the account already there (409) and adopted it.</summary>
        public bool AdoptedOnConflict { get; set; }

        public string ErrorCode { get; set; }

        public string ErrorMessage { get; set; }

        public TimeSpan Duration { get; set; }

        public string SourceId { get; set; }

        /// <summary>The plan item's change id (also the provisioning log record's changeId).</summary>
        public string ChangeId { get; set; }

        public DateTime CompletedAt { get; set; }

        public override string ToString() => $"{Action} {DisplayName ?? Email}: {Status}";
    }
}
