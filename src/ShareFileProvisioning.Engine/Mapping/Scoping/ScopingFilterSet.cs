using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>
    /// The scoping filters of a mapping: an object is in scope if any filter passes (OR). No filters = everything
    /// in scope. Configuration shape; call <see cref="Compile"/> once to validate and get the evaluator.
    /// </summary>
    public sealed class ScopingFilterSet
    {
        public ScopingFilterSet()
        {
        }

        public ScopingFilterSet(params ScopingFilter[] filters) => Filters = new List<ScopingFilter>(filters);

        public List<ScopingFilter> Filters { get; set; } = new List<ScopingFilter>();

        /// <summary>
        /// Validates every clause and builds the evaluator. With a <paramref name="schema"/>, unknown attributes and
        /// multi-valued, date and reference attributes are rejected too.
        /// </summary>
        /// <exception cref="ScopingFilterValidationException">Names the filter, clause, attribute and problem.</exception>
        public CompiledScopingFilterSet Compile(SourceAttributeSchema schema = null) => CompiledScopingFilterSet.Create(this, schema);
    }
}
