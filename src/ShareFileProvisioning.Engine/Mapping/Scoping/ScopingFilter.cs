using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>One scoping filter: all its clauses must be true (AND).</summary>
    public sealed class ScopingFilter
    {
        public ScopingFilter()
        {
        }

        public ScopingFilter(params ScopingClause[] clauses) => Clauses = new List<ScopingClause>(clauses);

        /// <summary>Optional title (Entra's "Scoping Filter Title"), used in explanations.</summary>
        public string Title { get; set; }

        public List<ScopingClause> Clauses { get; set; } = new List<ScopingClause>();
    }
}
