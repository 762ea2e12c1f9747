using System.Linq;
using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Removes a scoping filter, one clause of it (-ClauseIndex), or every filter (-All). Indexes are 1-based.</summary>
    [Cmdlet(VerbsCommon.Remove, "ShareFileScopingFilter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IndexSet)]
    [OutputType(typeof(ShareFileScopingClause))]
    public sealed class RemoveShareFileScopingFilterCommand : ConfigurationCmdlet
    {
        private const string IndexSet = "Index";
        private const string AllSet = "All";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IndexSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int FilterIndex { get; set; }

        [Parameter(ParameterSetName = IndexSet)]
        [ValidateRange(1, int.MaxValue)]
        public int ClauseIndex { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Emit the removed clauses.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            var before = ConfigurationOutputMapper.ToClauses(c).ToList();
            var filters = c.ScopingFilters.Filters;
            string action;
            if (All)
            {
                filters.Clear();
                action = "Remove every scoping filter (everything assigned is in scope)";
            }
            else if (FilterIndex > filters.Count)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no scoping filter {FilterIndex}; the configuration has {filters.Count}."),
                    "ScopingFilterNotFound", ErrorCategory.ObjectNotFound, FilterIndex));
                return;
            }
            else if (MyInvocation.BoundParameters.ContainsKey(nameof(ClauseIndex)))
            {
                var clauses = filters[FilterIndex - 1].Clauses;
                if (ClauseIndex > clauses.Count)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"Scoping filter {FilterIndex} has no clause {ClauseIndex}; it has {clauses.Count}."),
                        "ScopingFilterNotFound", ErrorCategory.ObjectNotFound, ClauseIndex));
                    return;
                }
                action = $"Remove clause {ClauseIndex} ({clauses[ClauseIndex - 1]}) of scoping filter {FilterIndex}";
                clauses.RemoveAt(ClauseIndex - 1);
                // A filter without clauses is invalid; removing its last clause removes the filter.
                if (clauses.Count == 0) filters.RemoveAt(FilterIndex - 1);
            }
            else
            {
                action = $"Remove scoping filter {FilterIndex}";
                filters.RemoveAt(FilterIndex - 1);
            }

            if (!TrySave(c, action) || !PassThru) return;
            var removed = before.Where(r => All || (r.FilterIndex == FilterIndex && (!MyInvocation.BoundParameters.ContainsKey(nameof(ClauseIndex)) || r.ClauseIndex == ClauseIndex)));
            WriteObject(removed, true);
        }
    }
}
