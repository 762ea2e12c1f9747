using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>The counts of an account report and what a licence reclaim would free.</summary>
    public sealed class AccountReportSummary
    {
        public int Total { get; set; }

        public int Managed { get; set; }

        public int AssignedNotLinked { get; set; }

        public int Unassigned { get; set; }

        public int Local { get; set; }

        public int Employees { get; set; }

        public int Clients { get; set; }

        public int Administrators { get; set; }

        /// <summary>Employee licences in use (disabled employees hold one too).</summary>
        public int LicencesUsed { get; set; }

        /// <summary>The account's employee licence cap; null = unknown or unlimited.</summary>
        public int? LicenceCap { get; set; }

        public int DisabledEmployees { get; set; }

        /// <summary>Employees whose disabled state could not be read.</summary>
        public int EmployeesWithUnknownState { get; set; }

        /// <summary>Employees whose roles were not read (AdministratorCheck.ReclaimCandidates): not counted in Administrators.</summary>
        public int EmployeesWithUnknownRoles { get; set; }

        public int InactiveDays { get; set; }

        /// <summary>Enabled employees who signed in, but not within <see cref="InactiveDays"/>.</summary>
        public int InactiveEmployees { get; set; }

        /// <summary>Enabled employees who never signed in.</summary>
        public int NeverSignedInEmployees { get; set; }

        /// <summary>Licences a downgrade of the disabled, inactive and never-signed-in employees (administrators excepted) would free.</summary>
        public int ReclaimableLicences { get; set; }

        /// <summary>How the tenant's users outside the scope were read: "PagedTenantRead" or "EmailLookups" (fewer requests wins).</summary>
        public string TenantReadStrategy { get; set; }

        public long ShareFileRequests { get; set; }

        public int GraphRequests { get; set; }

        public Dictionary<UnassignedReason, int> UnassignedByReason { get; set; } = new Dictionary<UnassignedReason, int>();
    }
}
