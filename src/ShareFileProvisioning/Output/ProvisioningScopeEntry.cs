namespace ShareFileProvisioning
{
    /// <summary>One reason an object is in scope: a direct assignment, a direct membership of an assigned group, or the group's own assignment.</summary>
    public sealed class ProvisioningScopeReason
    {
        /// <summary>AssignedDirectly, AssignedViaGroup, GroupAssigned or Supplied (pipeline input).</summary>
        public string Kind { get; set; }

        public string GroupId { get; set; }

        public string GroupDisplayName { get; set; }

        public string AppRoleId { get; set; }

        /// <summary>The app role's display name; "Default Access" for the all-zero default role.</summary>
        public string AppRoleName { get; set; }

        public override string ToString()
        {
            switch (Kind)
            {
                case "AssignedDirectly": return $"assigned directly (role {AppRoleName})";
                case "AssignedViaGroup": return $"via group {GroupDisplayName ?? GroupId} (role {AppRoleName})";
                case "GroupAssigned": return $"group assigned (role {AppRoleName})";
                default: return "supplied from the pipeline";
            }
        }
    }

    /// <summary>
    /// A user or group of the provisioning scope (Get-ProvisioningScope), or the answer to "why is this object (not) in
    /// scope" (-UserPrincipalName / -ObjectId): <see cref="InScope"/>, the reasons, and notes in plain language.
    /// </summary>
    public sealed class ProvisioningScopeEntry
    {
        /// <summary>User or Group; empty when the object was not found.</summary>
        public string ObjectType { get; set; }

        public string ObjectId { get; set; }

        /// <summary>userPrincipalName for users, display name for groups.</summary>
        public string Name { get; set; }

        public string DisplayName { get; set; }

        public bool InScope { get; set; }

        /// <summary>Entra's [IsSoftDeleted]: out of scope or disabled; the ShareFile user is disabled (never created).</summary>
        public bool IsSoftDeleted { get; set; }

        public bool? AccountEnabled { get; set; }

        public ProvisioningScopeReason[] Reasons { get; set; } = new ProvisioningScopeReason[0];

        /// <summary>The reasons as one line, for the table view.</summary>
        public string Reason { get; set; }

        /// <summary>Direct user members (groups only).</summary>
        public string[] MemberIds { get; set; } = new string[0];

        /// <summary>Nested groups: members, but not expanded into scope (groups only).</summary>
        public string[] NestedGroupIds { get; set; } = new string[0];

        public string[] Notes { get; set; } = new string[0];

        /// <summary>Users only: assigned, but no scoping filter passes (so not in scope).</summary>
        public bool FilteredOut { get; set; }

        /// <summary>Users explained one at a time (-UserPrincipalName / -ObjectId), when filters are configured: every clause with the user's value and its verdict.</summary>
        public ProvisioningScopingVerdict[] ScopingClauses { get; set; } = new ProvisioningScopingVerdict[0];

        public override string ToString() => $"{ObjectType} {Name}: {(InScope ? "in scope" : "not in scope")}";
    }

    /// <summary>One scoping clause evaluated for one user: attribute, operator, the configured value, the user's value and the verdict.</summary>
    public sealed class ProvisioningScopingVerdict
    {
        public int FilterIndex { get; set; }

        public int ClauseIndex { get; set; }

        public string Attribute { get; set; }

        public string Operator { get; set; }

        public string Value { get; set; }

        /// <summary>The user's value of the attribute; null when it has none.</summary>
        public string ActualValue { get; set; }

        public bool Result { get; set; }

        /// <summary>The whole verdict as one line.</summary>
        public string Text { get; set; }

        public override string ToString() => Text;
    }
}
