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

        /// <summary>The scoping filters' verdict; null when none were evaluated (no filters configured).</summary>
        public Mapping.Scoping.ScopingResult Filter { get; set; }

        /// <summary>Assigned (directly or through a direct membership of an assigned group) and passing the scoping filters.</summary>
        public bool InScope => Reasons.Count > 0 && (Filter == null || Filter.IsInScope);

        /// <summary>Assigned, but no scoping filter passes.</summary>
        public bool IsFilteredOut => Reasons.Count > 0 && Filter != null && !Filter.IsInScope;

        /// <summary>Entra's [IsSoftDeleted]: unassigned, out of scope, soft-deleted or disabled.</summary>
        public bool IsSoftDeleted => Attributes?.IsSoftDeleted ?? !AccountEnabled || !InScope;

        public override string ToString() => UserPrincipalName ?? Id;
    }
}
