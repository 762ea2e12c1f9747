using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Decisions that need the whole plan: duplicate sources, licence seats, unmanaged ShareFile users.</summary>
    internal static class PlanPostProcessing
    {
        /// <summary>Two source users creating one email, or adopting one ShareFile user: both become DuplicateSourceEntries.</summary>
        public static void MarkDuplicateSources(List<PlanItem> items)
        {
            Mark(items.Where(i => i.Action == PlanAction.Create && i.TargetEmail != null), i => i.TargetEmail.Trim(), "the email");
            Mark(items.Where(i => i.Action == PlanAction.Adopt && i.TargetId != null), i => i.TargetId, "the ShareFile user");
        }

        private static void Mark(IEnumerable<PlanItem> candidates, Func<PlanItem, string> key, string what)
        {
            foreach (var group in candidates.GroupBy(key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList())
            {
                var all = group.ToList();
                foreach (var item in all)
                {
                    var others = all.Where(o => !ReferenceEquals(o, item)).ToList();
                    var email = item.TargetEmail;
                    var targetId = item.TargetId;
                    PlanMarks.Conflict(item, SkipReason.DuplicateSourceEntries,
                        $"{item.DisplayName} and {string.Join(", ", others.Select(o => $"{o.DisplayName} ({o.SourceId})"))} map to {what} {email}{(targetId != null ? $" ({targetId})" : "")}; none is provisioned until only one does.",
                        others.Select(o => o.SourceId));
                    item.TargetEmail = email;
                    item.TargetId = targetId;
                }
            }
        }

        /// <summary>
        /// Seats for new employees (creations, promotions, adoptions that promote) in source-id order; those beyond
        /// UserMax become Skip LicenceLimit. Seats freed by downgrades and deletes count only from the next cycle,
        /// because the sync runs creations before deprovisioning.
        /// </summary>
        public static LicenceForecast AllocateLicences(List<PlanItem> items, TargetSnapshot target)
        {
            var forecast = new LicenceForecast
            {
                UserMax = target.UserMax,
                EmployeesNow = target.EmployeeCount ?? target.Users.Count(u => u.IsEmployee),
            };
            var available = target.UserMax.HasValue ? target.UserMax.Value - forecast.EmployeesNow : int.MaxValue;
            foreach (var item in items.Where(TakesSeat).OrderBy(i => i.SourceId, StringComparer.Ordinal).ToList())
            {
                if (available > 0)
                {
                    available--;
                    forecast.Added++;
                    continue;
                }
                forecast.Refused++;
                var email = item.TargetEmail;
                var id = item.TargetId;
                PlanMarks.Skip(item, SkipReason.LicenceLimit,
                    $"{email} would need an employee licence but all {target.UserMax} are taken (EmployeeLicensesExceeded); add licences or free some.");
                item.TargetEmail = email;
                item.TargetId = id;
            }
            forecast.WouldExceed = forecast.Refused > 0;
            forecast.Freed = items.Count(i => i.Action == PlanAction.DowngradeToClient
                || (i.Action == PlanAction.Delete && i.UserType == UserKind.Employee));
            forecast.Reclaimed = items.Count(i => i.Action == PlanAction.DowngradeToClient && i.Reclaim != null);
            return forecast;
        }

        private static bool TakesSeat(PlanItem i) =>
            (i.Action == PlanAction.Create && i.UserType == UserKind.Employee)
            || i.Action == PlanAction.PromoteToEmployee
            || (i.Action == PlanAction.Adopt && i.Desired.UserType == UserKind.Employee);

        /// <summary>ShareFile users no link or item explains (complete listings of whole-scope plans only).</summary>
        public static List<PlanItem> Unmanaged(List<PlanItem> items, PlanningInput input)
        {
            var result = new List<PlanItem>();
            if (!input.Target.IsComplete || input.OnlySourceIds != null) return result;
            var referenced = new HashSet<string>(items.Where(i => i.TargetId != null).Select(i => i.TargetId), StringComparer.OrdinalIgnoreCase);
            foreach (var u in input.Target.Users)
            {
                if (referenced.Contains(u.Id) || input.Links.TryGetByTarget(u.Id, out _)) continue;
                var item = new PlanItem
                {
                    ChangeId = Guid.NewGuid().ToString(), Action = PlanAction.Unmanaged, ObjectType = PlanObjectType.User,
                    TargetId = u.Id, TargetEmail = u.Email, DisplayName = u.DisplayName, UserType = u.IsEmployee ? UserKind.Employee : UserKind.Client,
                    Reason = $"ShareFile {(u.IsEmployee ? "employee" : "client")} {u.Email} is neither linked nor matched by any source user: it is not managed and is never touched.",
                };
                item.Steps.Add(PlanSteps.Decision(item, null));
                result.Add(item);
            }
            return result;
        }
    }
}
