namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>How a ShareFile account relates to Entra ID (docs/account-report.md).</summary>
    public enum AccountClass
    {
        /// <summary>Linked to an Entra object of the app's scope: the sync manages it.</summary>
        Managed,
        /// <summary>Matches an in-scope Entra user that is not linked yet: the next sync adopts it.</summary>
        AssignedNotLinked,
        /// <summary>Matches an Entra user of the tenant who is not in the app's scope (<see cref="UnassignedReason"/> says why).</summary>
        Unassigned,
        /// <summary>Matches no Entra user at all: a ShareFile-only account.</summary>
        Local,
    }

    /// <summary>Why a matching Entra user is not in scope.</summary>
    public enum UnassignedReason
    {
        None,
        /// <summary>Not assigned to the app (directly or through a group): assigned elsewhere or not at all.</summary>
        NotAssigned,
        /// <summary>Assigned, but every scoping filter rejects the user.</summary>
        FilteredOut,
        /// <summary>The Entra account is disabled (accountEnabled false).</summary>
        Disabled,
        /// <summary>The Entra user is in the deleted items (soft-deleted, restorable for 30 days).</summary>
        SoftDeleted,
    }
}
