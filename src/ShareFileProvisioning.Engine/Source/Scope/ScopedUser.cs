using System.Collections.Generic;
using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>A source user with its attributes and why it is (or was) in scope.</summary>
    public sealed class ScopedUser
    {
        public string Id { get; set; }

        public string UserPrincipalName { get; set; }

        public string DisplayName { get; set; }

        public bool AccountEnabled { get; set; } = true;

        /// <summary>Attributes named as in Entra mappings (userPrincipalName, mail, extensionAttribute1, …); null when not read.</summary>
        public SourceObject Attributes { get; set; }

        public List<ScopeReason> Reasons { get; set; } = new List<ScopeReason>();

        /// <summary>Entra's [IsSoftDeleted]: unassigned, out of scope, soft-deleted or disabled.</summary>
        public bool IsSoftDeleted => Attributes?.IsSoftDeleted ?? !AccountEnabled || Reasons.Count == 0;

        public override string ToString() => UserPrincipalName ?? Id;
    }
}
