using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Computes a plan from inputs already in memory: pure (reads nothing, writes nothing) and linear in the number of
    /// users: ShareFile users are matched through in-memory indexes, never one lookup per user.
    /// </summary>
    public static class ProvisioningPlanner
    {
        public static ProvisioningPlan Compute(PlanningInput input)
        {
            Validate(input);
            var now = input.Now;
            var context = new EvaluationContext(() => now);
            var index = new TargetIndex(input.Target.Users);
            var subjects = Subjects(input);
            var memberOf = input.Mappings.UserType.NeedsGroupMembership ? MemberOf(input.Source) : null;
            var builder = new UserItemBuilder(input, index, memberOf, context);

            // Users are decided independently (the indexes are built up front and read-only from here on).
            foreach (var m in input.Mappings.Matching) index.Prepare(m.Target);
            index.Prepare(Configuration.TargetAttribute.Email);
            var built = new PlanItem[subjects.Count];
            if (subjects.Count < 2000)
                for (var i = 0; i < built.Length; i++) built[i] = builder.Build(subjects[i]);
            else
                System.Threading.Tasks.Parallel.For(0, built.Length, i => built[i] = builder.Build(subjects[i]));
            var items = new List<PlanItem>(built);

            PlanPostProcessing.MarkDuplicateSources(items);
            LicenceReclaim.Apply(items, input);
            var licence = PlanPostProcessing.AllocateLicences(items, input.Target);
            var unmanaged = PlanPostProcessing.Unmanaged(items, input);
            if (input.IncludeUnmanaged) items.AddRange(unmanaged);
            // Groups after users: their members are the users this plan provisions.
            items.AddRange(GroupItemBuilder.Build(input, built, subjects, context));

            var basis = input.Basis ?? new PlanBasis();
            basis.CreatedAt = now;
            basis.IncludesUnmanaged = input.IncludeUnmanaged;
            basis.Reclaim = input.Reclaim;
            basis.ConfigurationFingerprint = input.Mappings.Fingerprint;
            basis.SourceFingerprint = PlanFingerprints.Source(subjects, input.Mappings.ReferencedAttributes);
            basis.TargetFingerprint = PlanFingerprints.Target(input.Target);
            basis.LinksFingerprint = PlanFingerprints.Links(input.Links);
            if (basis.NextWatermark == null) basis.NextWatermark = input.Source.Watermark;

            return new ProvisioningPlan
            {
                PlanId = Guid.NewGuid().ToString(),
                Basis = basis,
                Items = items,
                Summary = PlanSummaryBuilder.Build(items, input, subjects, unmanaged.Count, licence),
            };
        }

        private static void Validate(PlanningInput input)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (input.Source == null) throw new ArgumentException("The planning input has no source read.", nameof(input));
            if (input.Target == null) throw new ArgumentException("The planning input has no ShareFile snapshot.", nameof(input));
            if (input.Mappings == null) throw new ArgumentException("The planning input has no compiled configuration (MappingSet).", nameof(input));
            if (input.Links == null) input.Links = new LinkSet();
        }

        /// <summary>In-scope users of the read, plus linked users that left scope (full read: every linked user not read).</summary>
        internal static List<PlanSubject> Subjects(PlanningInput input)
        {
            var source = input.Source;
            var only = input.OnlySourceIds;
            var byId = new Dictionary<string, PlanSubject>(source.Users.Count + source.UserChanges.Count, StringComparer.OrdinalIgnoreCase);
            var ordered = new List<PlanSubject>(source.Users.Count + source.UserChanges.Count);

            void Add(PlanSubject s)
            {
                if (string.IsNullOrEmpty(s.SourceId) || (only != null && !only.Contains(s.SourceId))) return;
                if (byId.ContainsKey(s.SourceId)) return;
                input.Links.TryGetBySource(s.SourceId, out s.Link);
                byId[s.SourceId] = s;
                ordered.Add(s);
            }

            var incremental = !source.IsFullRead && !source.FellBackToFullRead;
            if (incremental)
            {
                var read = new Dictionary<string, ScopedUser>(StringComparer.OrdinalIgnoreCase);
                foreach (var u in source.Users) if (u?.Id != null) read[u.Id] = u;
                foreach (var c in source.UserChanges)
                {
                    var user = c.User ?? (c.UserId != null && read.TryGetValue(c.UserId, out var r) ? r : null);
                    // A change without the user's data says nothing about scope: never deprovision on it.
                    if (user == null && c.Kind != ScopeChangeKind.Left) continue;
                    var inScope = c.Kind != ScopeChangeKind.Left && user != null && user.InScope;
                    Add(new PlanSubject { SourceId = c.UserId ?? user?.Id, User = user, InScope = inScope, LeftReason = inScope ? LeftScopeReason.None : LeftReason(c.Kind, c.LeftReason, user) });
                }
                // A grace period ends by the clock, not by a change: those users are decided again without -Full.
                foreach (var link in input.Links)
                    if (link.ObjectType == LinkedObjectType.User && !byId.ContainsKey(link.SourceId) && GraceOver(link, input))
                        Add(new PlanSubject { SourceId = link.SourceId, InScope = false });
                return ordered;
            }

            foreach (var u in source.Users)
                if (u != null) Add(new PlanSubject { SourceId = u.Id, User = u, InScope = u.InScope, LeftReason = u.IsFilteredOut ? LeftScopeReason.FilteredOut : LeftScopeReason.None });
            foreach (var link in input.Links)
                if (link.ObjectType == LinkedObjectType.User && !byId.ContainsKey(link.SourceId))
                    Add(new PlanSubject { SourceId = link.SourceId, InScope = false, Unknown = source.UnknownUserIds.Contains(link.SourceId) });
            return ordered;
        }

        private static bool GraceOver(ObjectLink link, PlanningInput input)
        {
            var settings = input.Mappings.Configuration.Deprovisioning;
            if (link.OutOfScopeSince == null || settings == null || settings.GracePeriodDays <= 0) return false;
            if (settings.Action != Configuration.DeprovisioningAction.DowngradeToClient && settings.Action != Configuration.DeprovisioningAction.Delete) return false;
            return input.Now >= link.OutOfScopeSince.Value.AddDays(settings.GracePeriodDays);
        }

        private static LeftScopeReason LeftReason(ScopeChangeKind kind, LeftScopeReason reported, ScopedUser user) =>
            kind != ScopeChangeKind.Left && user != null && user.IsFilteredOut ? LeftScopeReason.FilteredOut : reported;

        /// <summary>User id → ids and display names of the (assigned) groups the source read; for the user-type group rule.</summary>
        private static Dictionary<string, List<string>> MemberOf(SourceReadResult source)
        {
            var map = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            void Add(string user, string group)
            {
                if (user == null || group == null) return;
                if (!map.TryGetValue(user, out var list)) map[user] = list = new List<string>(2);
                list.Add(group);
            }
            foreach (var g in source.Groups)
                foreach (var m in g.MemberUserIds)
                {
                    Add(m, g.Id);
                    Add(m, g.DisplayName);
                }
            foreach (var u in source.Users.Concat(source.UserChanges.Select(c => c.User)).Where(u => u != null))
                foreach (var r in u.Reasons.Where(r => r.Kind == ScopeReasonKind.AssignedViaGroup))
                {
                    Add(u.Id, r.GroupId);
                    Add(u.Id, r.GroupDisplayName);
                }
            return map;
        }
    }
}
