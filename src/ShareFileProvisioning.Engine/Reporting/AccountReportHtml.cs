using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// A self-contained HTML page of the report: summary, inline SVG charts of the classes and of licence use, and a
    /// table sorted and filtered by an inline script. No external script, font, style sheet or image: it opens offline.
    /// </summary>
    public static class AccountReportHtml
    {
        public static string Render(AccountReport report, string title)
        {
            var s = report.Summary;
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
            html.Append($"<title>{SvgCharts.Html(title)}</title><style>{AccountReportPage.Style}</style></head><body>");
            html.Append($"<h1>{SvgCharts.Html(title)}</h1>");
            html.Append("<section id=\"summary\"><h2>Summary</h2><table class=\"summary\"><tbody>");
            foreach (var (key, label, value) in SummaryRows(s))
                html.Append($"<tr data-key=\"{key}\"><th>{SvgCharts.Html(label)}</th><td>{SvgCharts.Html(value)}</td></tr>");
            html.Append("</tbody></table></section>");
            html.Append("<section id=\"classes\"><h2>Accounts by class</h2>");
            html.Append(SvgCharts.Bars("chart-classes", "ShareFile accounts by class", new List<(string, int, string)>
            {
                ("Managed", s.Managed, "#2e7d32"), ("AssignedNotLinked", s.AssignedNotLinked, "#1565c0"),
                ("Unassigned", s.Unassigned, "#ef6c00"), ("Local", s.Local, "#6d4c41"),
            }));
            html.Append("</section><section id=\"licences\"><h2>Employee licences</h2>");
            html.Append(SvgCharts.Bars("chart-licences", "Employee licence use", new List<(string, int, string)>
            {
                ("Cap", s.LicenceCap ?? s.LicencesUsed, "#9e9e9e"), ("Used", s.LicencesUsed, "#1565c0"),
                ("Disabled", s.DisabledEmployees, "#c62828"), ($"No sign-in {s.InactiveDays} d", s.InactiveEmployees, "#ef6c00"),
                ("Never signed in", s.NeverSignedInEmployees, "#f9a825"), ("Reclaimable", s.ReclaimableLicences, "#2e7d32"),
            }, s.LicenceCap ?? s.LicencesUsed));
            html.Append("</section><section id=\"accounts\"><h2>Accounts</h2>");
            html.Append("<p class=\"filters\"><input id=\"filter\" type=\"search\" placeholder=\"Filter (any column)\" aria-label=\"Filter\"> ");
            html.Append("<select id=\"class-filter\" aria-label=\"Class\"><option value=\"\">Every class</option>");
            foreach (var c in new[] { "Managed", "AssignedNotLinked", "Unassigned", "Local" }) html.Append($"<option>{c}</option>");
            html.Append("</select> <span id=\"shown\"></span></p>");
            html.Append(AccountReportPage.Table(report.Entries));
            html.Append($"</section><script>{AccountReportPage.Script}</script></body></html>");
            return html.ToString();
        }

        public static async Task WriteAsync(AccountReport report, string title, string path, CancellationToken ct)
        {
            // Written beside the target first, so a failed write leaves no half page behind.
            var temp = path + ".tmp";
            var bytes = new UTF8Encoding(false).GetBytes(Render(report, title));
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, true))
                await stream.WriteAsync(bytes, 0, bytes.Length, ct).ConfigureAwait(false);
            if (File.Exists(path)) File.Delete(path);
            File.Move(temp, path);
        }

        private static IEnumerable<(string, string, string)> SummaryRows(AccountReportSummary s)
        {
            string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
            yield return ("total", "ShareFile accounts", N(s.Total));
            yield return ("managed", "Managed", N(s.Managed));
            yield return ("assignedNotLinked", "Assigned, not linked", N(s.AssignedNotLinked));
            yield return ("unassigned", "Unassigned", N(s.Unassigned) + (s.UnassignedByReason.Count == 0 ? "" :
                " (" + string.Join(", ", s.UnassignedByReason.OrderBy(r => r.Key).Select(r => $"{r.Key} {N(r.Value)}")) + ")"));
            yield return ("local", "Local", N(s.Local));
            yield return ("employees", "Employees / clients", $"{N(s.Employees)} / {N(s.Clients)}");
            yield return ("administrators", "Administrators", N(s.Administrators)
                + (s.EmployeesWithUnknownRoles == 0 ? "" : $" (roles of {N(s.EmployeesWithUnknownRoles)} employees not read)"));
            yield return ("licences", "Licences used / cap", $"{N(s.LicencesUsed)} / {(s.LicenceCap is int cap ? N(cap) : "unlimited")}");
            yield return ("disabledEmployees", "Disabled employees (hold a licence)", N(s.DisabledEmployees));
            yield return ("inactiveEmployees", $"Employees with no sign-in for {s.InactiveDays} days", N(s.InactiveEmployees));
            yield return ("neverSignedIn", "Employees who never signed in", N(s.NeverSignedInEmployees));
            yield return ("reclaimable", "Licences a downgrade would free", N(s.ReclaimableLicences));
        }
    }
}
