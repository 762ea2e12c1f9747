using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Reporting
{
    public sealed class AccountReport
    {
        public List<AccountReportEntry> Entries { get; set; } = new List<AccountReportEntry>();

        public AccountReportSummary Summary { get; set; } = new AccountReportSummary();
    }
}
