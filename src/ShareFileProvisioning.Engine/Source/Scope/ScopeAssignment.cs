namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>One appRoleAssignment of the enterprise app, as stored in the snapshot between cycles.</summary>
    public sealed class ScopeAssignment
    {
        public const string DefaultAppRoleId = "00000000-0000-0000-0000-000000000000";

        public string Id { get; set; }

        public string PrincipalId { get; set; }

        /// <summary>User, Group or ServicePrincipal.</summary>
        public string PrincipalType { get; set; }

        public string PrincipalDisplayName { get; set; }

        public string AppRoleId { get; set; }

        /// <summary>The role's display name, "Default Access" for the all-zero role.</summary>
        public string AppRoleName { get; set; }

        public bool IsDefaultRole => AppRoleId == DefaultAppRoleId;

        public override string ToString() => $"{PrincipalType} {PrincipalDisplayName ?? PrincipalId} ({AppRoleName})";
    }
}
