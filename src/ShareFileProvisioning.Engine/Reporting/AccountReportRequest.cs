using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Reporting
{
    public sealed class AccountReportRequest
    {
        /// <summary>Source, ShareFile, state, configuration, concurrency and page size, as for a plan (the report reads as a full plan does).</summary>
        public PlanRequest Plan { get; set; }

        /// <summary>An employee with no sign-in for this many days is inactive.</summary>
        public int InactiveDays { get; set; } = 90;

        /// <summary>Whose roles are read: every employee, or only those a reclaim could propose.</summary>
        public AdministratorCheck AdministratorCheck { get; set; } = AdministratorCheck.All;
    }
}
