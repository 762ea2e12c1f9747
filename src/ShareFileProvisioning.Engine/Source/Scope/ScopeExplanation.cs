using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>Why one user or group is, or is not, in scope.</summary>
    public sealed class ScopeExplanation
    {
        /// <summary>What was asked for (UPN or object id).</summary>
        public string Query { get; set; }

        public string ObjectId { get; set; }

        /// <summary>User, Group, or null when nothing was found.</summary>
        public string ObjectType { get; set; }

        /// <summary>UPN for a user, display name for a group.</summary>
        public string Name { get; set; }

        public string DisplayName { get; set; }

        /// <summary>Assigned directly or through a direct membership of an assigned group.</summary>
        public bool IsAssigned => Reasons.Count > 0;

        /// <summary>Assigned and passing the scoping filters.</summary>
        public bool InScope => IsAssigned && !FilteredOut;

        /// <summary>Users only: assigned, but no scoping filter passes.</summary>
        public bool FilteredOut { get; set; }

        /// <summary>Users only, when filters are configured: every clause with the user's value and its verdict.</summary>
        public List<Mapping.Scoping.ScopingClauseVerdict> ScopingClauses { get; set; } = new List<Mapping.Scoping.ScopingClauseVerdict>();

        /// <summary>Entra's IsSoftDeleted for a user (out of scope or disabled); false for groups in scope.</summary>
        public bool IsSoftDeleted { get; set; }

        /// <summary>Users only: Entra's accountEnabled; null for groups.</summary>
        public bool? AccountEnabled { get; set; }

        public List<ScopeReason> Reasons { get; set; } = new List<ScopeReason>();

        /// <summary>Plain-language facts: why not in scope, disabled, nested membership not expanded, not found.</summary>
        public List<string> Notes { get; set; } = new List<string>();
    }
}
