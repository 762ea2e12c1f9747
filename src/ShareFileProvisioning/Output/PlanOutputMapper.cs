using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning
{
    /// <summary>Engine plan types → the module's public output types.</summary>
    internal static class PlanOutputMapper
    {
        public static ProvisioningPlanItem ToItem(PlanItem i) => new ProvisioningPlanItem
        {
            ChangeId = i.ChangeId,
            Action = i.Action.ToString(),
            ObjectType = i.ObjectType.ToString(),
            SourceId = i.SourceId,
            UserPrincipalName = i.SourceAnchor,
            DisplayName = i.DisplayName,
            TargetId = i.TargetId,
            TargetEmail = i.TargetEmail,
            UserType = i.UserType?.ToString(),
            Changes = i.Changes.Select(c => new ProvisioningPlanChange { Attribute = c.Attribute, OldValue = c.OldValue, NewValue = c.NewValue }).ToArray(),
            ChangeSummary = i.ChangeSummary,
            SkipReason = i.SkipReason == SkipReason.None ? null : i.SkipReason.ToString(),
            ReclaimReason = i.Reclaim?.ToString(),
            Reason = i.Reason,
            ConflictingIds = i.ConflictingIds?.ToArray() ?? Array.Empty<string>(),
            ReassignTo = i.ReassignTo,
            Members = (i.Members ?? new List<PlanGroupMember>()).Select(m => m.TargetId == null ? m.DisplayName ?? m.SourceId : $"{m.DisplayName ?? m.SourceId} ({m.TargetId})").ToArray(),
            UnresolvedMembers = (i.UnresolvedMembers ?? new List<PlanGroupMember>()).Select(m => m.DisplayName ?? m.SourceId).ToArray(),
            Steps = i.Steps.Select(s => new ProvisioningPlanStep
            {
                Name = s.Name, StepType = s.StepType.ToString(), Status = s.Status.ToString(), Description = s.Description,
                Details = s.Details == null ? null : new Hashtable(s.Details, StringComparer.OrdinalIgnoreCase),
            }).ToArray(),
        };

        public static ProvisioningPlanSummary ToSummary(ProvisioningPlan plan, PlanTimings timings, string outFile)
        {
            var s = plan.Summary;
            var l = s.Licence;
            var t = s.Threshold;
            var summary = new ProvisioningPlanSummary
            {
                PlanId = plan.PlanId,
                Profile = plan.Basis.ProfileName,
                CycleType = s.CycleType.ToString(),
                FullReadReason = s.FullReadReason,
                Create = s.Count(PlanAction.Create),
                Adopt = s.Count(PlanAction.Adopt),
                Update = s.Count(PlanAction.Update),
                Enable = s.Count(PlanAction.Enable),
                Disable = s.Count(PlanAction.Disable),
                DowngradeToClient = s.Count(PlanAction.DowngradeToClient),
                PromoteToEmployee = s.Count(PlanAction.PromoteToEmployee),
                Delete = s.Count(PlanAction.Delete),
                Skip = s.Count(PlanAction.Skip),
                Conflict = s.Count(PlanAction.Conflict),
                Unmanaged = s.UnmanagedCount,
                Actions = Describe(s.Counts),
                SourceUsers = s.SourceUsers,
                ShareFileUsers = s.TargetUsers,
                LicenceUserMax = l.UserMax,
                EmployeesNow = l.EmployeesNow,
                EmployeesAdded = l.Added,
                EmployeesFreed = l.Freed,
                EmployeesReclaimed = l.Reclaimed,
                EmployeesAfter = l.EmployeesAfter,
                LicenceRefused = l.Refused,
                LicenceExceeded = l.WouldExceed,
                Licence = $"{l.EmployeesNow} + {l.Added} − {l.Freed}{(l.Reclaimed > 0 ? $" ({l.Reclaimed} reclaimed)" : "")} = {l.EmployeesAfter}" + (l.UserMax.HasValue ? $" of {l.UserMax}" : " (no cap)") + (l.WouldExceed ? $"; {l.Refused} refused" : ""),
                StrictEmployeeDomainClients = s.StrictEmployeeDomainClients,
                Deprovisioning = t.Deprovisioning,
                DeletionLimit = t.EffectiveLimit,
                ThresholdExceeded = t.Exceeded,
                Threshold = $"{t.Deprovisioning} of at most {t.EffectiveLimit}" + (t.Deprovisioning > t.EffectiveLimit ? " (exceeded)" : ""),
                LeftScope = t.LeftScope,
                SourceShrink = $"{t.LeftScope} of {t.ManagedUsers} managed user(s) leave scope; held back above {t.ShrinkLimit}" + (t.ShrinkExceeded ? " (exceeded)" : ""),
                SuspiciousSource = t.SuspiciousSource,
                SourceFingerprint = plan.Basis.SourceFingerprint,
                TargetFingerprint = plan.Basis.TargetFingerprint,
                ConfigurationFingerprint = plan.Basis.ConfigurationFingerprint,
                CreatedAt = plan.Basis.CreatedAt.UtcDateTime,
                OutFile = outFile,
            };
            foreach (var pair in s.SkipReasons.OrderBy(p => p.Key)) summary.SkipReasons[pair.Key.ToString()] = pair.Value;
            if (timings != null)
            {
                summary.ReadingSource = timings.ReadingSource;
                summary.ReadingShareFile = timings.ReadingTarget;
                summary.Computing = timings.Computing;
                summary.Elapsed = timings.Total;
                summary.ShareFileStateLookups = timings.UserStateLookups;
            }
            return summary;
        }

        private static string Describe(Dictionary<PlanAction, int> counts)
        {
            var parts = counts.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}").ToList();
            return parts.Count == 0 ? "nothing to do" : string.Join(", ", parts);
        }
    }
}
