namespace ShareFileProvisioning.Engine.Source.Scope
{
    public enum ScopeReasonKind
    {
        /// <summary>The user is assigned to the app directly.</summary>
        AssignedDirectly,

        /// <summary>The user is a direct member of an assigned group.</summary>
        AssignedViaGroup,

        /// <summary>The group itself is assigned.</summary>
        GroupAssigned,

        /// <summary>Came from a pipeline/CSV source: everything given is in scope.</summary>
        Supplied,
    }

    /// <summary>Why an object is in scope: one per assignment that reaches it.</summary>
    public sealed class ScopeReason
    {
        public ScopeReasonKind Kind { get; set; }

        /// <summary>The assigned group (AssignedViaGroup), else null.</summary>
        public string GroupId { get; set; }

        public string GroupDisplayName { get; set; }

        public string AppRoleId { get; set; }

        public string AppRoleName { get; set; }

        public override string ToString()
        {
            switch (Kind)
            {
                case ScopeReasonKind.AssignedDirectly: return $"assigned directly (role {AppRoleName})";
                case ScopeReasonKind.AssignedViaGroup: return $"via group {GroupDisplayName ?? GroupId} (role {AppRoleName})";
                case ScopeReasonKind.GroupAssigned: return $"group assigned (role {AppRoleName})";
                default: return "supplied";
            }
        }
    }
}
