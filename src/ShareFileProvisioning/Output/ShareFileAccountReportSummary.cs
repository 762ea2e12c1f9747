namespace ShareFileProvisioning
{
    /// <summary>The totals of Get-ShareFileAccountReport: accounts per class, licences, and what a reclaim would free.</summary>
    public sealed class ShareFileAccountReportSummary
    {
        public int Total { get; set; }

        public int Managed { get; set; }

        public int AssignedNotLinked { get; set; }

        public int Unassigned { get; set; }

        /// <summary>"NotAssigned 3, SoftDeleted 1", or empty.</summary>
        public string UnassignedReasons { get; set; }

        public int Local { get; set; }

        public int Employees { get; set; }

        public int Clients { get; set; }

        public int Administrators { get; set; }

        public int LicencesUsed { get; set; }

        /// <summary>Null = unlimited or unknown.</summary>
        public int? LicenceCap { get; set; }

        public int DisabledEmployees { get; set; }

        public int EmployeesWithUnknownState { get; set; }

        /// <summary>Employees whose roles were not read (-AdministratorCheck ReclaimCandidates): not counted in Administrators.</summary>
        public int EmployeesWithUnknownRoles { get; set; }

        public int InactiveDays { get; set; }

        public int InactiveEmployees { get; set; }

        public int NeverSignedInEmployees { get; set; }

        public int ReclaimableLicences { get; set; }

        public string TenantReadStrategy { get; set; }

        public long ShareFileRequests { get; set; }

        public int GraphRequests { get; set; }

        /// <summary>The HTML report written with -Path; else null.</summary>
        public string Path { get; set; }
    }
}
