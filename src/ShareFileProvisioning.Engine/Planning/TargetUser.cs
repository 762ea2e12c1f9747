namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>A ShareFile user as the planner sees it (from Accounts/Employees, Accounts/Clients or Users(id)).</summary>
    public sealed class TargetUser
    {
        public string Id { get; set; }

        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Company { get; set; }

        public bool IsEmployee { get; set; }

        public bool IsDisabled { get; set; }

        /// <summary>False when the feed element lacked IsDisabled and nobody asked Users(id)?$expand=Security yet.</summary>
        public bool IsDisabledKnown { get; set; } = true;

        /// <summary>Security.LastAnyLogin (or the feed's LastAnyLogin); null = never signed in, or not carried by the feed.</summary>
        public System.DateTimeOffset? LastAnyLogin { get; set; }

        /// <summary>The feed's CreatedDate; null when not carried.</summary>
        public System.DateTimeOffset? CreatedDate { get; set; }

        public string DisplayName => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
            ? Email
            : ((FirstName ?? "") + " " + (LastName ?? "")).Trim();

        public override string ToString() => $"{(IsEmployee ? "Employee" : "Client")} {Email} ({Id})";
    }
}
