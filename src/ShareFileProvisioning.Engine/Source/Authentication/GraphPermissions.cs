namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>The Graph application permissions the source reads with (docs/graph-api.md, 'What the source reads').</summary>
    public static class GraphPermissions
    {
        /// <summary>Service principal and appRoleAssignedTo.</summary>
        public const string ApplicationReadAll = "Application.Read.All";

        /// <summary>/users, /users/delta.</summary>
        public const string UserReadAll = "User.Read.All";

        /// <summary>/groups/{id}/members, /groups/delta.</summary>
        public const string GroupMemberReadAll = "GroupMember.Read.All";

        public static readonly string[] All = { ApplicationReadAll, UserReadAll, GroupMemberReadAll };
    }
}
