using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>
    /// Applies the scoping filters to a source read, so every reader of it (plan, sync, Get-ProvisioningScope) sees the
    /// same scope: an assigned user who fails every filter is out of scope and Entra's [IsSoftDeleted] is true for it.
    /// </summary>
    public static class ScopingFilterApplication
    {
        public static void Apply(SourceReadResult read, CompiledScopingFilterSet filters)
        {
            if (read == null || filters == null || filters.FilterCount == 0) return;
            foreach (var user in read.Users) Apply(user, filters);
            foreach (var change in read.UserChanges) Apply(change.User, filters);
        }

        /// <summary>Sets the user's verdict once (a user can appear both in the users and in the changes of a read).</summary>
        public static void Apply(ScopedUser user, CompiledScopingFilterSet filters)
        {
            if (user?.Attributes == null || user.Filter != null || filters == null || filters.FilterCount == 0) return;
            user.Filter = filters.Evaluate(user.Attributes);
            if (!user.Filter.IsInScope) user.Attributes.IsSoftDeleted = true;
        }
    }
}
