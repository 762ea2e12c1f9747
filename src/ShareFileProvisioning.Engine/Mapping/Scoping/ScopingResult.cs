using System.Collections.Generic;
using System.Text;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>Why one filter rejected an object: its first false clause.</summary>
    public sealed class ScopingClauseFailure
    {
        internal ScopingClauseFailure(int filterIndex, int clauseIndex, ScopingClause clause, string reason)
        {
            FilterIndex = filterIndex;
            ClauseIndex = clauseIndex;
            Clause = clause;
            Reason = reason;
        }

        /// <summary>1-based filter number.</summary>
        public int FilterIndex { get; }

        /// <summary>1-based clause number within the filter.</summary>
        public int ClauseIndex { get; }

        public ScopingClause Clause { get; }

        /// <summary>Why the clause was false, without the attribute's value (e.g. "the attribute is null or empty").</summary>
        public string Reason { get; }

        public override string ToString() => $"filter {FilterIndex}, clause {ClauseIndex} ({Clause}): {Reason}";
    }

    /// <summary>The scoping verdict for one object, with the explanation the plan's "scoping" step shows.</summary>
    public sealed class ScopingResult
    {
        private static readonly IReadOnlyList<ScopingClauseFailure> NoFailures = new ScopingClauseFailure[0];

        /// <summary>No filters configured: everything is in scope.</summary>
        public static readonly ScopingResult NoFilters = new ScopingResult(true, 0, NoFailures);

        internal ScopingResult(bool isInScope, int passedFilterIndex, IReadOnlyList<ScopingClauseFailure> failures)
        {
            IsInScope = isInScope;
            PassedFilterIndex = passedFilterIndex;
            Failures = failures ?? NoFailures;
        }

        internal static ScopingResult Passed(int filterIndex) => new ScopingResult(true, filterIndex, NoFailures);

        public bool IsInScope { get; }

        /// <summary>1-based number of the first filter that passed; 0 when none passed or no filters exist.</summary>
        public int PassedFilterIndex { get; }

        /// <summary>When out of scope: for each filter, the clause that failed. Empty when in scope.</summary>
        public IReadOnlyList<ScopingClauseFailure> Failures { get; }

        /// <summary>A one-line explanation for plans and logs.</summary>
        public string Explain()
        {
            if (IsInScope) return PassedFilterIndex == 0 ? "In scope: no scoping filters." : $"In scope: scoping filter {PassedFilterIndex} passed.";
            var sb = new StringBuilder("Out of scope: ");
            for (var i = 0; i < Failures.Count; i++)
            {
                if (i > 0) sb.Append("; ");
                sb.Append(Failures[i]);
            }
            return sb.Append('.').ToString();
        }

        public override string ToString() => Explain();
    }
}
