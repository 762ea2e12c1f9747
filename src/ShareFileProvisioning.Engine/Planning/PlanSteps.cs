using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Builds an item's steps with Entra's names (docs/entra-provisioning.md, 'Log records and steps'); the sync appends the export step.</summary>
    internal static class PlanSteps
    {
        private static readonly Dictionary<string, string>[] SkipDetails = ((SkipReason[])System.Enum.GetValues(typeof(SkipReason)))
            .Select(r => new Dictionary<string, string> { ["SkipReason"] = r == SkipReason.NoChange ? "RedundantExport" : r.ToString() }).ToArray();

        /// <summary>The import step; <paramref name="retrieved"/> is the shared description of an imported user (the item names the user).</summary>
        public static PlanStep Import(PlanSubject s, string sourceName, string retrieved)
        {
            if (s.User == null)
                return new PlanStep
                {
                    Name = "EntryImport", StepType = PlanStepType.Import, Status = PlanStepStatus.Success,
                    Description = $"User {s.DisplayName} ({s.SourceId}) was not returned by {sourceName}: it left scope ({Left(s)}).",
                };
            return new PlanStep
            {
                Name = "EntryImport", StepType = PlanStepType.Import, Status = PlanStepStatus.Success,
                Description = retrieved,
            };
        }

        /// <summary>Most users share the same scoping details: one dictionary per distinct set keeps 100,000-user plans small.</summary>
        public static PlanStep Scoping(PlanSubject s, Mapping.Scoping.CompiledScopingFilterSet filters, System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>> detailsCache)
        {
            var assigned = s.User != null && s.User.Reasons.Count > 0;
            var active = s.User != null && s.User.AccountEnabled && s.LeftReason != Source.Scope.LeftScopeReason.SoftDeleted && s.LeftReason != Source.Scope.LeftScopeReason.HardDeleted;
            var entitled = s.InScope && s.User != null && !s.User.IsSoftDeleted;
            var result = s.InScope
                ? "Passed: " + string.Join("; ", s.User.Reasons.Select(r => r.ToString())) + (s.User.Filter != null ? $"; scoping filter {s.User.Filter.PassedFilterIndex} passed" : "")
                : "Out of scope: " + (s.LeftReason == Source.Scope.LeftScopeReason.FilteredOut ? "no scoping filter passes" : Left(s));
            var key = (assigned ? "A" : "a") + (active ? "I" : "i") + (entitled ? "E" : "e") + result;
            var details = detailsCache.GetOrAdd(key, _ => new Dictionary<string, string>
            {
                ["Assigned"] = assigned ? "True" : "False",
                ["IsActive"] = active ? "True" : "False",
                ["IsEffectivelyEntitledForProvisioning"] = entitled ? "True" : "False",
                ["ScopeEvaluationResult"] = result,
            });
            return new PlanStep
            {
                Name = "EntrySynchronizationScoping", StepType = PlanStepType.Scoping,
                Status = s.InScope ? PlanStepStatus.Success : PlanStepStatus.Skipped,
                Description = s.User?.Filter != null && s.User.Attributes != null
                    ? (s.InScope ? "The user is in scope. " : "The user is out of scope: no scoping filter passes. ") + string.Join("; ", filters.ExplainClauses(s.User.Attributes)) + "."
                    : s.InScope ? "The user is in scope." : "The user is out of scope: " + Left(s) + ".",
                Details = details,
            };
        }

        /// <summary>The matching/decision step: EntrySynchronizationAdd/Update/Delete/Skip.</summary>
        public static PlanStep Decision(PlanItem item, string matchingDescription)
        {
            string name;
            switch (item.Action)
            {
                case PlanAction.Create: name = "EntrySynchronizationAdd"; break;
                case PlanAction.Delete: name = "EntrySynchronizationDelete"; break;
                case PlanAction.Skip:
                case PlanAction.Conflict:
                case PlanAction.Unmanaged: name = "EntrySynchronizationSkip"; break;
                default: name = "EntrySynchronizationUpdate"; break;
            }
            var step = new PlanStep
            {
                Name = name, StepType = PlanStepType.Matching,
                Status = item.Action == PlanAction.Conflict ? PlanStepStatus.Failure : item.Action == PlanAction.Skip || item.Action == PlanAction.Unmanaged ? PlanStepStatus.Skipped : PlanStepStatus.Success,
                // The item's Reason says what follows; the step says how the target was found.
                Description = matchingDescription ?? item.Reason,
            };
            if (item.SkipReason != SkipReason.None) step.Details = SkipDetails[(int)item.SkipReason];
            return step;
        }

        private static string Left(PlanSubject s)
        {
            switch (s.LeftReason)
            {
                case Source.Scope.LeftScopeReason.HardDeleted: return "deleted permanently in the source";
                case Source.Scope.LeftScopeReason.SoftDeleted: return "deleted in the source";
                case Source.Scope.LeftScopeReason.Unassigned: return "unassigned from the app";
                case Source.Scope.LeftScopeReason.RemovedFromGroup: return "removed from its assigned group";
                case Source.Scope.LeftScopeReason.Disabled: return "disabled in the source";
                case Source.Scope.LeftScopeReason.FilteredOut: return "no scoping filter passes (" + string.Join("; ", s.User.Filter.Failures) + ")";
                default: return s.InScope ? "in scope" : "no longer assigned, filtered out or deleted";
            }
        }
    }
}
