using System;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>A scoping clause is invalid. Indexes are 1-based, as in the message ("filter 2, clause 1").</summary>
    public sealed class ScopingFilterValidationException : Exception
    {
        public ScopingFilterValidationException(int filterIndex, int clauseIndex, string attribute, string problem)
            : base(clauseIndex > 0
                ? $"Scoping filter {filterIndex}, clause {clauseIndex} (attribute '{attribute}'): {problem}"
                : $"Scoping filter {filterIndex}: {problem}")
        {
            FilterIndex = filterIndex;
            ClauseIndex = clauseIndex;
            Attribute = attribute;
            Problem = problem;
        }

        /// <summary>1-based filter number.</summary>
        public int FilterIndex { get; }

        /// <summary>1-based clause number within the filter; 0 when the problem is the filter itself.</summary>
        public int ClauseIndex { get; }

        public string Attribute { get; }

        public string Problem { get; }
    }
}
