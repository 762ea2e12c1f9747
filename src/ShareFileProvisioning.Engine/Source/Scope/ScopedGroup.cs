using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>An assigned group and its direct members (nested groups are listed, not expanded).</summary>
    public sealed class ScopedGroup
    {
        public string Id { get; set; }

        public string DisplayName { get; set; }

        /// <summary>The group's own assignments (a group can hold several roles).</summary>
        public List<ScopeReason> Reasons { get; set; } = new List<ScopeReason>();

        /// <summary>Direct user members.</summary>
        public List<string> MemberUserIds { get; set; } = new List<string>();

        /// <summary>Direct member groups: not expanded (as Entra).</summary>
        public List<string> NestedGroupIds { get; set; } = new List<string>();

        public override string ToString() => DisplayName ?? Id;
    }
}
