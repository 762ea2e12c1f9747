using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>Answers "why is X (not) in scope?" for one user or group without reading the whole tenant's attributes.</summary>
    internal sealed class ScopeExplainer
    {
        private readonly GraphGateway _graph;
        private readonly ServicePrincipalInfo _sp;

        public ScopeExplainer(GraphGateway graph, ServicePrincipalInfo sp)
        {
            _graph = graph;
            _sp = sp;
        }

        public async Task<ScopeExplanation> ExplainAsync(string key, SourceReadOptions options, CancellationToken ct)
        {
            var maxConcurrency = options.MaxConcurrency;
            var result = new ScopeExplanation { Query = key };
            var assignments = await _graph.ListAssignmentsAsync(_sp, ct).ConfigureAwait(false);
            var filters = options.Scoping != null && options.Scoping.FilterCount > 0 ? options.Scoping : null;
            IReadOnlyCollection<string> select = filters == null ? (IReadOnlyCollection<string>)UserSelect.Required : UserSelect.Build(filters.ReferencedAttributes);
            var user = await _graph.GetUserAsync(key, select, ct).ConfigureAwait(false);
            if (user == null)
            {
                var group = Guid.TryParse(key, out _) ? await _graph.GetGroupAsync(key, ct).ConfigureAwait(false) : null;
                if (group == null)
                {
                    result.Notes.Add($"No user or group '{key}' exists in the tenant (a soft-deleted user is not found either): not in scope.");
                    return result;
                }

                result.ObjectId = group.Id;
                result.ObjectType = "Group";
                result.Name = result.DisplayName = group.DisplayName;
                result.Reasons = ScopeCalculator.GroupReasons(assignments, group.Id);
                if (!result.InScope) result.Notes.Add($"Group '{group.DisplayName}' is not assigned to '{_sp.DisplayName}'.");
                return result;
            }

            result.ObjectId = user.Id;
            result.ObjectType = "User";
            result.Name = user.UserPrincipalName;
            result.DisplayName = user.DisplayName;
            var groupIds = ScopeCalculator.AssignedGroupIds(assignments);
            var groups = await FullScopeReader.ReadGroupsAsync(_graph, assignments, groupIds, maxConcurrency, ct).ConfigureAwait(false);
            var reasons = ScopeCalculator.UserReasons(assignments, groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase));
            result.Reasons = reasons.TryGetValue(user.Id, out var r) ? r : new List<ScopeReason>();

            // Nesting is not expanded (as Entra): say so when that is why the user is missing from an assigned group.
            foreach (var g in groups.Where(g => g.NestedGroupIds.Count > 0 && !g.MemberUserIds.Contains(user.Id, StringComparer.OrdinalIgnoreCase)))
            {
                if (await _graph.IsTransitiveMemberAsync(g.Id, user.Id, ct).ConfigureAwait(false))
                    result.Notes.Add($"Member of assigned group '{g.DisplayName}' only through a nested group: nested groups are not expanded, so this does not bring the user into scope.");
            }

            var enabled = user.AccountEnabled ?? true;
            result.AccountEnabled = enabled;
            if (filters != null) ExplainFilters(result, filters, UserAttributes.ToSourceObject(user));
            if (!result.IsAssigned)
                result.Notes.Add($"Not assigned to '{_sp.DisplayName}' directly or through a direct membership of an assigned group.");
            else if (result.FilteredOut)
                result.Notes.Add("Assigned, but no scoping filter passes: out of scope, so the ShareFile user is deprovisioned (or never created). " +
                                 string.Join("; ", result.ScopingClauses.Where(c => !c.Result)) + ".");
            else if (!enabled)
                result.Notes.Add("Assigned, but the account is disabled (accountEnabled false): IsSoftDeleted is true, so the ShareFile user is disabled (or never created).");
            result.IsSoftDeleted = !result.InScope || !enabled;
            return result;
        }

        private static void ExplainFilters(ScopeExplanation result, Mapping.Scoping.CompiledScopingFilterSet filters, Mapping.SourceObject attributes)
        {
            result.ScopingClauses = filters.ExplainClauses(attributes).ToList();
            result.FilteredOut = !filters.Evaluate(attributes).IsInScope;
        }
    }
}
