using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>One source user the planner decides about: in scope, or linked and gone from scope.</summary>
    internal sealed class PlanSubject
    {
        public string SourceId;

        /// <summary>Null when the user left scope and the source did not return it (hard delete, full read).</summary>
        public ScopedUser User;

        public bool InScope;

        /// <summary>Assigned, but the source could not return it this cycle: nothing is decided from its absence.</summary>
        public bool Unknown;

        public LeftScopeReason LeftReason;

        public ObjectLink Link;

        public string Anchor => User?.UserPrincipalName;

        /// <summary>For plans, output and logs: never with a raw control, bidirectional or zero-width character.</summary>
        public string DisplayName => Configuration.UnsafeText.Neutralize(User?.DisplayName ?? Link?.DisplayName ?? User?.UserPrincipalName ?? SourceId);
    }
}
