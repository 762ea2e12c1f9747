using System;

namespace ShareFileProvisioning
{
    /// <summary>One ShareFile account of Get-ShareFileAccountReport: flat values, so Export-Csv and ConvertTo-Json keep every column.</summary>
    public sealed class ShareFileAccountReportEntry
    {
        public string Email { get; set; }

        public string DisplayName { get; set; }

        /// <summary>Managed, AssignedNotLinked, Unassigned or Local.</summary>
        public string Class { get; set; }

        /// <summary>Unassigned accounts: NotAssigned, FilteredOut, Disabled or SoftDeleted; else empty.</summary>
        public string UnassignedReason { get; set; }

        /// <summary>Employee or Client.</summary>
        public string UserType { get; set; }

        /// <summary>Null = unknown (the roles were not read: -AdministratorCheck ReclaimCandidates).</summary>
        public bool? IsAdministrator { get; set; }

        /// <summary>Null = unknown (the feed did not say and the account was not read).</summary>
        public bool? IsDisabled { get; set; }

        public DateTime? LastSignIn { get; set; }

        /// <summary>Whole days since the last sign-in, "never", or "unknown".</summary>
        public string DaysSinceSignIn { get; set; }

        /// <summary>Names of the groups the account owns, separated by "; ".</summary>
        public string OwnedGroups { get; set; }

        /// <summary>Disabled, Inactive or NeverSignedIn when downgrading this employee would free a licence; else empty.</summary>
        public string ReclaimReason { get; set; }

        public string Id { get; set; }

        public string EntraId { get; set; }

        public string EntraUserPrincipalName { get; set; }
    }
}
