using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>One ShareFile account, classified and flagged.</summary>
    public sealed class AccountReportEntry
    {
        public string Id { get; set; }

        public string Email { get; set; }

        public string DisplayName { get; set; }

        public bool IsEmployee { get; set; }

        public AccountClass Class { get; set; }

        public UnassignedReason UnassignedReason { get; set; }

        /// <summary>The Entra user it is linked to or matches (object id); null for Local accounts.</summary>
        public string EntraId { get; set; }

        public string EntraUserPrincipalName { get; set; }

        /// <summary>Null when neither the feed nor a lookup said (clients on feeds without IsDisabled).</summary>
        public bool? IsDisabled { get; set; }

        /// <summary>Holds an administrator role (employees only: ShareFile's admin roles are employee roles).</summary>
        public bool IsAdministrator { get; set; }

        /// <summary>False when the roles were not read (an employee outside AdministratorCheck.ReclaimCandidates, or gone since the listing).</summary>
        public bool AdministratorKnown { get; set; } = true;

        public DateTimeOffset? LastSignIn { get; set; }

        /// <summary>Whole days since <see cref="LastSignIn"/>; null = never signed in (or unknown).</summary>
        public int? DaysSinceSignIn { get; set; }

        /// <summary>False when the sign-in date could not be read (feeds without LastAnyLogin, clients not looked up).</summary>
        public bool SignInKnown { get; set; } = true;

        public List<string> OwnedGroups { get; set; } = new List<string>();

        /// <summary>An employee whose downgrade would free a licence for a reclaim reason (disabled, inactive, never signed in); not administrators.</summary>
        public string ReclaimReason { get; set; }
    }
}
