namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>What the sync will do with one object. Group actions join this list with the group issue.</summary>
    public enum PlanAction
    {
        /// <summary>Create the ShareFile user from <see cref="PlanItem.Desired"/> and link it.</summary>
        Create,
        /// <summary>Link an existing ShareFile user found by a matching attribute, then apply <see cref="PlanItem.Desired"/> (may be empty).</summary>
        Adopt,
        /// <summary>Write the changed attributes in <see cref="PlanItem.Desired"/>.</summary>
        Update,
        /// <summary>Re-enable (Security.IsDisabled = false), plus any other changed attributes.</summary>
        Enable,
        /// <summary>Disable (Security.IsDisabled = true), plus any other changed attributes.</summary>
        Disable,
        /// <summary>Employee → client (frees a licence), then any other changed attributes.</summary>
        DowngradeToClient,
        /// <summary>Client → employee (takes a licence), then any other changed attributes.</summary>
        PromoteToEmployee,
        /// <summary>Delete completely, reassigning files and groups to <see cref="PlanItem.ReassignTo"/>; the link is removed.</summary>
        Delete,
        /// <summary>Nothing is sent; <see cref="PlanItem.SkipReason"/> says why.</summary>
        Skip,
        /// <summary>Nothing is sent: matching is ambiguous (DuplicateTargetEntries / DuplicateSourceEntries / EmailInUse).</summary>
        Conflict,
        /// <summary>A ShareFile user no link or match explains (drift); never touched.</summary>
        Unmanaged,
        /// <summary>Create the distribution group (POST Groups, with the members already provisioned) and link it.</summary>
        CreateGroup,
        /// <summary>Link the one ShareFile group whose name matches the Entra group's mapped name.</summary>
        AdoptGroup,
        /// <summary>PATCH Groups(id) with the new mapped name.</summary>
        RenameGroup,
        /// <summary>One POST Groups(id)/Contacts with every member to add (by ShareFile id).</summary>
        AddMembers,
        /// <summary>One DELETE Groups(id)/Contacts with every member to remove.</summary>
        RemoveMembers,
        /// <summary>DELETE Groups(id) (the Entra group was unassigned or deleted, OnGroupRemoved = Delete); counts toward the threshold.</summary>
        DeleteGroup,
        /// <summary>Drop the group's link only: the ShareFile group stays as it is and is no longer managed.</summary>
        UnmanageGroup,
    }

    public enum PlanObjectType
    {
        User,
        Group,
    }

    /// <summary>Why a Skip or Conflict item sends nothing.</summary>
    public enum SkipReason
    {
        None,
        /// <summary>The ShareFile user already has every mapped value (Entra's RedundantExport).</summary>
        NoChange,
        /// <summary>A value ShareFile needs is empty (e.g. the email) or no matching attribute has a value (Entra's ImportSkipped).</summary>
        MissingRequiredAttribute,
        /// <summary>The mapped email is not a single valid address.</summary>
        InvalidEmail,
        /// <summary>A value ShareFile would refuse: too long, or carrying control, bidirectional or zero-width characters.</summary>
        InvalidAttributeValue,
        /// <summary>Out of scope and nothing to do: the deprovisioning action is None (SkipOutOfScopeDeletions), or the user was never provisioned.</summary>
        OutOfScope,
        /// <summary>Disabled (or soft-deleted) in the source and not in ShareFile: a disabled user is never created.</summary>
        NotProvisionedDisabled,
        /// <summary>Several source users map to the same ShareFile user or email.</summary>
        DuplicateSourceEntries,
        /// <summary>A matching value finds several ShareFile users.</summary>
        DuplicateTargetEntries,
        /// <summary>The new email already belongs to another ShareFile user (the PATCH would answer 409).</summary>
        EmailInUse,
        /// <summary>Out of scope for less than the grace period: already disabled, downgrade/delete waits.</summary>
        WithinGracePeriod,
        /// <summary>Creating or promoting this employee would exceed the account's licence count (UserMax).</summary>
        LicenceLimit,
        /// <summary>A client whose email is on a strict employee domain cannot be created (ClientMustBeCreatedAsEmployee).</summary>
        ClientMustBeCreatedAsEmployee,
        /// <summary>A mapping expression failed for this user.</summary>
        MappingFailed,
        /// <summary>The group would exceed ShareFile's 2,000-member limit and the overflow policy is Skip.</summary>
        GroupMemberLimit,
        /// <summary>Assigned, but the source could not return it (a failed or lagging read): unknown, never deprovisioned.</summary>
        SourceUnknown,
        /// <summary>The account is the signed-in administrator or holds an admin role: it is never disabled, downgraded or deleted.</summary>
        AdminProtected,
    }

    /// <summary>Entra's cycle kinds: the first run, a delta read, or a re-evaluation of everything (-Full).</summary>
    public enum PlanCycleType
    {
        Initial,
        Incremental,
        Full,
    }

    /// <summary>Entra's provisioningStepType.</summary>
    public enum PlanStepType
    {
        Import,
        Scoping,
        Matching,
        Processing,
        ReferenceResolution,
        Export,
    }

    /// <summary>Entra's step status.</summary>
    public enum PlanStepStatus
    {
        Success,
        Warning,
        Failure,
        Skipped,
    }
}
