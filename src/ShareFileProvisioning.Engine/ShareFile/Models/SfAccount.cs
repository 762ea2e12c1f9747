namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>The account of the signed-in subdomain.</summary>
    public sealed class SfAccount
    {
        public string Id { get; internal set; }

        public string CompanyName { get; internal set; }

        public string Subdomain { get; internal set; }

        public string PlanName { get; internal set; }

        /// <summary>Employee licence cap; null when the server does not say.</summary>
        public int? UserMax { get; internal set; }

        /// <summary>Optional: may be absent.</summary>
        public SfUserUsage UserUsage { get; internal set; }

        /// <summary>Licences left (UserMax − employees), or null when either number is unknown.</summary>
        public int? EmployeeLicencesAvailable
        {
            get
            {
                var max = UserMax ?? UserUsage?.EmployeeMax;
                var used = UserUsage?.EmployeeCount;
                return max.HasValue && used.HasValue ? max.Value - used.Value : (int?)null;
            }
        }
    }
}
