using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Planning progress as Write-Progress bars, one per stage (reading Entra ID, reading ShareFile, computing), on
    /// the pipeline thread. Progress only: -ProgressAction and runbooks decide whether anyone sees it.
    /// </summary>
    internal sealed class PlanProgressWriter
    {
        private const int SourceId = 61;
        private const int ShareFileId = 62;
        private const int ComputingId = 63;
        private readonly Cmdlet _cmdlet;
        private readonly HashSet<int> _shown = new HashSet<int>();

        public PlanProgressWriter(Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public void Write(PlanProgress p)
        {
            switch (p.Stage)
            {
                case PlanStage.ReadingSource:
                    // Short: an 80-column terminal shows the activity and the start of the status on one line.
                    Show(SourceId, "Reading Entra ID",
                        string.Format(CultureInfo.CurrentCulture, "{0:N0} user(s), {1:N0} assignment(s), {2:N0} page(s) so far", p.Users, p.Assignments, p.Pages));
                    break;
                case PlanStage.ReadingShareFile:
                    Show(ShareFileId, "Reading ShareFile", string.Format(CultureInfo.CurrentCulture, "{0:N0} account(s) so far", p.Accounts));
                    break;
                default:
                    Complete(SourceId);
                    Complete(ShareFileId);
                    Show(ComputingId, "Computing the plan", "Matching, mapping and comparing");
                    break;
            }
        }

        /// <summary>Closes every bar this command opened (in a finally: a failed or stopped plan leaves none behind).</summary>
        public void CompleteAll()
        {
            foreach (var id in new List<int>(_shown)) Complete(id);
        }

        private void Show(int id, string activity, string status)
        {
            _shown.Add(id);
            _cmdlet.WriteProgress(new ProgressRecord(id, activity, status));
        }

        private void Complete(int id)
        {
            if (!_shown.Remove(id)) return;
            _cmdlet.WriteProgress(new ProgressRecord(id, "Planning", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
