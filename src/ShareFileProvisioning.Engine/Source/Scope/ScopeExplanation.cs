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

        public bool InScope => Reasons.Count > 0;

        /// <summary>Entra's IsSoftDeleted for a user (out of scope or disabled); false for groups in scope.</summary>
        public bool IsSoftDeleted { get; set; }

        public List<ScopeReason> Reasons { get; set; } = new List<ScopeReason>();

        /// <summary>Plain-language facts: why not in scope, disabled, nested membership not expanded, not found.</summary>
        public List<string> Notes { get; set; } = new List<string>();
    }
}
