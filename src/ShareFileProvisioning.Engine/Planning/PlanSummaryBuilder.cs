using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Planning
{
    internal static class PlanSummaryBuilder
    {
        public static PlanSummary Build(List<PlanItem> items, PlanningInput input, List<PlanSubject> subjects, int unmanaged, LicenceForecast licence)
        {
            var summary = new PlanSummary
            {
                CycleType = input.CycleType,
                FullReadReason = input.Source.FellBackToFullRead ? input.Source.FallbackReason : null,
                SourceUsers = subjects.Count,
                TargetUsers = input.Target.Users.Count,
                LinkCount = input.Links.Count,
                UnmanagedCount = unmanaged,
                Licence = licence,
                CreatedAt = input.Now,
            };
            foreach (PlanAction a in Enum.GetValues(typeof(PlanAction))) summary.Counts[a] = 0;
            foreach (var i in items)
            {
                summary.Counts[i.Action]++;
                if (i.SkipReason != SkipReason.None)
                    summary.SkipReasons[i.SkipReason] = (summary.SkipReasons.TryGetValue(i.SkipReason, out var n) ? n : 0) + 1;
            }
            // Unmanaged users not listed as items are still counted.
            summary.Counts[PlanAction.Unmanaged] = unmanaged;
            summary.StrictEmployeeDomainClients = summary.SkipReasons.TryGetValue(SkipReason.ClientMustBeCreatedAsEmployee, out var strict) ? strict : 0;

            var settings = input.Mappings.Configuration.DeletionThreshold;
            var limit = settings.Count;
            if (settings.Percent.HasValue)
                limit = Math.Min(limit, (int)Math.Floor(input.Links.Count * settings.Percent.Value / 100.0));
            var deprovisioning = items.Count(i => i.IsDeprovisioning);
            summary.Threshold = new DeletionThresholdCheck
            {
                Deprovisioning = deprovisioning,
                ConfiguredCount = settings.Count,
                ConfiguredPercent = settings.Percent,
                EffectiveLimit = limit,
                Exceeded = deprovisioning > limit,
            };
            SourceShrinkCheck.Apply(summary.Threshold, input, subjects, settings.SourceShrink ?? new Configuration.SourceShrinkSettings());
            return summary;
        }
    }
}
