using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Adds a scoping filter (its clauses are ANDed; filters are ORed), or with -FilterIndex adds clauses to an
    /// existing filter. Clauses: -Attribute/-Operator/-Value, or -Clause @{ Attribute = …; Operator = …; Value = … }.
    /// Operators: Entra's names ("EQUALS", "NOT EQUALS", "IS TRUE", "REGEX MATCH", …) or aliases ("Equals", "IsNotNull").
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ShareFileScopingFilter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SingleSet)]
    [OutputType(typeof(ShareFileScopingClause))]
    public sealed class AddShareFileScopingFilterCommand : ConfigurationCmdlet
    {
        private const string SingleSet = "Single";
        private const string ClauseSet = "Clauses";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SingleSet)]
        [ValidateNotNullOrEmpty]
        public string Attribute { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = SingleSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ScopingOperatorCompleter))]
        public string Operator { get; set; }

        [Parameter(Position = 2, ParameterSetName = SingleSet)]
        [AllowEmptyString]
        public string Value { get; set; }

        /// <summary>Clauses as hashtables with Attribute (or SourceAttribute), Operator and Value.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClauseSet)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] Clause { get; set; }

        /// <summary>1-based number of an existing filter to extend instead of adding a new filter.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int FilterIndex { get; set; }

        /// <summary>Title of a new filter (Entra's "Scoping Filter Title").</summary>
        [Parameter]
        public string Title { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            var clauses = new List<ScopingClause>();
            if (ParameterSetName == ClauseSet)
            {
                for (var i = 0; i < Clause.Length; i++)
                {
                    var table = Clause[i];
                    var attribute = Get(table, "Attribute") ?? Get(table, "SourceAttribute");
                    var op = Get(table, "Operator");
                    if (attribute == null || op == null)
                    {
                        WriteError(new ErrorRecord(new PSArgumentException($"-Clause[{i}] needs Attribute and Operator keys (and Value unless the operator is IS TRUE/IS FALSE/IS NULL/IS NOT NULL)."),
                            ConfigurationErrorRecords.InvalidId, ErrorCategory.InvalidArgument, table));
                        return;
                    }
                    clauses.Add(new ScopingClause(attribute, op, Get(table, "Value")));
                }
            }
            else
            {
                clauses.Add(new ScopingClause(Attribute, Operator, Value));
            }

            if (!TryLoad(out var c)) return;
            var filters = c.ScopingFilters.Filters;
            int filterNumber;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(FilterIndex)))
            {
                if (FilterIndex > filters.Count)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no scoping filter {FilterIndex}; the configuration has {filters.Count}."),
                        "ScopingFilterNotFound", ErrorCategory.ObjectNotFound, FilterIndex));
                    return;
                }
                filterNumber = FilterIndex;
                filters[FilterIndex - 1].Clauses.AddRange(clauses);
                if (Title != null) filters[FilterIndex - 1].Title = Title;
            }
            else
            {
                filters.Add(new ScopingFilter(clauses.ToArray()) { Title = Title });
                filterNumber = filters.Count;
            }

            var action = (MyInvocation.BoundParameters.ContainsKey(nameof(FilterIndex)) ? $"Add to scoping filter {filterNumber}: " : $"Add scoping filter {filterNumber}: ")
                         + string.Join(" AND ", clauses);
            if (!TrySave(c, action) || !PassThru) return;
            foreach (var row in ConfigurationOutputMapper.ToClauses(c))
                if (row.FilterIndex == filterNumber) WriteObject(row);
        }

        private static string Get(Hashtable table, string key)
        {
            foreach (DictionaryEntry entry in table)
            {
                if (string.Equals(entry.Key?.ToString(), key, System.StringComparison.OrdinalIgnoreCase))
                    return entry.Value == null ? null : LanguagePrimitives.ConvertTo<string>(entry.Value);
            }
            return null;
        }
    }
}
