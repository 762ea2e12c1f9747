using System.Linq;
using ShareFileProvisioning.Engine.Reporting;

namespace ShareFileProvisioning
{
    internal static class AccountReportOutputMapper
    {
        public static ShareFileAccountReportEntry ToEntry(AccountReportEntry e) => new ShareFileAccountReportEntry
        {
            Email = e.Email, DisplayName = e.DisplayName, Class = e.Class.ToString(),
            UnassignedReason = e.UnassignedReason == UnassignedReason.None ? null : e.UnassignedReason.ToString(),
            UserType = e.IsEmployee ? "Employee" : "Client", IsAdministrator = e.AdministratorKnown ? e.IsAdministrator : (bool?)null, IsDisabled = e.IsDisabled,
            LastSignIn = e.LastSignIn?.UtcDateTime,
            DaysSinceSignIn = !e.SignInKnown ? "unknown" : e.DaysSinceSignIn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never",
            OwnedGroups = e.OwnedGroups.Count == 0 ? null : string.Join("; ", e.OwnedGroups),
            ReclaimReason = e.ReclaimReason, Id = e.Id, EntraId = e.EntraId, EntraUserPrincipalName = e.EntraUserPrincipalName,
        };

        public static ShareFileAccountReportSummary ToSummary(AccountReportSummary s, string path) => new ShareFileAccountReportSummary
        {
            Total = s.Total, Managed = s.Managed, AssignedNotLinked = s.AssignedNotLinked, Unassigned = s.Unassigned, Local = s.Local,
            UnassignedReasons = s.UnassignedByReason.Count == 0 ? null : string.Join(", ", s.UnassignedByReason.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}")),
            Employees = s.Employees, Clients = s.Clients, Administrators = s.Administrators, LicencesUsed = s.LicencesUsed, LicenceCap = s.LicenceCap,
            DisabledEmployees = s.DisabledEmployees, EmployeesWithUnknownState = s.EmployeesWithUnknownState,
            EmployeesWithUnknownRoles = s.EmployeesWithUnknownRoles, InactiveDays = s.InactiveDays,
            InactiveEmployees = s.InactiveEmployees, NeverSignedInEmployees = s.NeverSignedInEmployees, ReclaimableLicences = s.ReclaimableLicences,
            TenantReadStrategy = s.TenantReadStrategy, ShareFileRequests = s.ShareFileRequests, GraphRequests = s.GraphRequests, Path = path,
        };
    }
}
