using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Reporting
{
    internal static class AccountReportSummaryBuilder
    {
        public static AccountReportSummary Build(List<AccountReportEntry> entries, TargetSnapshot target, int inactiveDays)
        {
            var employees = entries.Where(e => e.IsEmployee).ToList();
            var active = employees.Where(e => e.IsDisabled != true && e.SignInKnown).ToList();
            var s = new AccountReportSummary
            {
                Total = entries.Count,
                Managed = entries.Count(e => e.Class == AccountClass.Managed),
                AssignedNotLinked = entries.Count(e => e.Class == AccountClass.AssignedNotLinked),
                Unassigned = entries.Count(e => e.Class == AccountClass.Unassigned),
                Local = entries.Count(e => e.Class == AccountClass.Local),
                Employees = employees.Count,
                Clients = entries.Count - employees.Count,
                Administrators = entries.Count(e => e.IsAdministrator),
                LicencesUsed = target?.EmployeeCount ?? employees.Count,
                LicenceCap = target?.UserMax,
                DisabledEmployees = employees.Count(e => e.IsDisabled == true),
                EmployeesWithUnknownState = employees.Count(e => e.IsDisabled == null),
                EmployeesWithUnknownRoles = employees.Count(e => !e.AdministratorKnown),
                InactiveDays = inactiveDays,
                InactiveEmployees = active.Count(e => e.LastSignIn != null && e.DaysSinceSignIn >= inactiveDays),
                NeverSignedInEmployees = active.Count(e => e.LastSignIn == null),
                ReclaimableLicences = employees.Count(e => e.ReclaimReason != null),
            };
            foreach (var g in entries.Where(e => e.Class == AccountClass.Unassigned).GroupBy(e => e.UnassignedReason))
                s.UnassignedByReason[g.Key] = g.Count();
            return s;
        }
    }
}
