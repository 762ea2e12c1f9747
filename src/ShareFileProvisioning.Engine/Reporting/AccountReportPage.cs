using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>The account table, its style and the inline script that sorts (click a heading) and filters it.</summary>
    internal static class AccountReportPage
    {
        private static readonly string[] Columns =
            { "Email", "Name", "Class", "Reason", "Type", "Administrator", "Disabled", "Last sign-in", "Days since", "Owned groups", "Reclaim" };

        public static string Table(IEnumerable<AccountReportEntry> entries)
        {
            var t = new StringBuilder("<table id=\"account-table\"><thead><tr>");
            for (var i = 0; i < Columns.Length; i++)
                t.Append($"<th data-column=\"{i}\" data-numeric=\"{(i == 8 ? "true" : "false")}\" tabindex=\"0\">{Columns[i]}</th>");
            t.Append("</tr></thead><tbody>");
            foreach (var e in entries)
            {
                t.Append($"<tr data-class=\"{e.Class}\">");
                foreach (var cell in Cells(e)) t.Append("<td>").Append(SvgCharts.Html(cell)).Append("</td>");
                t.Append("</tr>");
            }
            return t.Append("</tbody></table>").ToString();
        }

        private static IEnumerable<string> Cells(AccountReportEntry e)
        {
            yield return e.Email;
            yield return e.DisplayName;
            yield return e.Class.ToString();
            yield return e.UnassignedReason == UnassignedReason.None ? "" : e.UnassignedReason.ToString();
            yield return e.IsEmployee ? "Employee" : "Client";
            yield return !e.AdministratorKnown ? "unknown" : e.IsAdministrator ? "yes" : "";
            yield return e.IsDisabled == null ? "unknown" : e.IsDisabled.Value ? "yes" : "";
            yield return !e.SignInKnown ? "unknown" : e.LastSignIn?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";
            yield return e.DaysSinceSignIn?.ToString(CultureInfo.InvariantCulture) ?? "";
            yield return string.Join(", ", e.OwnedGroups);
            yield return e.ReclaimReason ?? "";
        }

        public const string Style =
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222}" +
            "h1{font-size:22px}h2{font-size:17px;margin-top:28px}" +
            "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}" +
            "table.summary th{background:#f3f3f3;font-weight:600}" +
            "#account-table thead th{background:#e8eef7;cursor:pointer;user-select:none}" +
            "#account-table thead th[data-sort=asc]::after{content:' \\25B2'}#account-table thead th[data-sort=desc]::after{content:' \\25BC'}" +
            "#account-table tbody tr:nth-child(even){background:#fafafa}.filters input{width:260px;padding:4px}";

        public const string Script = @"(function(){
var table=document.getElementById('account-table'),body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var text=document.getElementById('filter'),cls=document.getElementById('class-filter'),shown=document.getElementById('shown');
function apply(){var q=text.value.toLowerCase(),c=cls.value,n=0;rows.forEach(function(r){
var ok=(!c||r.getAttribute('data-class')===c)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.style.display=ok?'':'none';if(ok)n++;});
shown.textContent=n+' of '+rows.length+' shown';}
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.addEventListener('click',function(){
var i=+th.getAttribute('data-column'),num=th.getAttribute('data-numeric')==='true',dir=th.getAttribute('data-sort')==='asc'?'desc':'asc';
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('data-sort');});th.setAttribute('data-sort',dir);
rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,r;
if(num){x=x===''?-1:+x;y=y===''?-1:+y;r=x-y;}else{r=x.localeCompare(y);}return dir==='asc'?r:-r;});
rows.forEach(function(r){body.appendChild(r);});});});
text.addEventListener('input',apply);cls.addEventListener('change',apply);apply();})();";
    }
}
