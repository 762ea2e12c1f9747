using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Licence reclaim (docs/licence-reclaim.md): employees that qualify become DowngradeToClient items, so the reclaim
    /// goes through the same apply path, threshold and administrator protection as any deprovisioning. An item the
    /// plan already has for the account is turned into the downgrade only when it would otherwise change nothing, or
    /// only attributes or the enabled state; creates, promotions, conflicts and other deprovisioning are left as they are.
    /// </summary>
    internal static class LicenceReclaim
    {
        public static void Apply(List<PlanItem> items, PlanningInput input)
        {
            var options = input.Reclaim;
            if (options == null || options.IsEmpty || !input.Target.IsComplete || input.OnlySourceIds != null) return;
            var byTarget = new Dictionary<string, PlanItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var i in items.Where(i => i.ObjectType == PlanObjectType.User && i.TargetId != null))
                if (!byTarget.ContainsKey(i.TargetId)) byTarget[i.TargetId] = i;
            foreach (var user in input.Target.Users.Where(u => u.IsEmployee && u.Id != null))
            {
                var link = UserLink(input.Links, user.Id);
                if (link == null && !options.IncludeUnmanaged) continue;
                var reason = Qualifies(user, link, options, input.Now);
                if (reason == null) continue;
                byTarget.TryGetValue(user.Id, out var existing);
                if (existing != null && !CanTurnIntoDowngrade(existing)) continue;
                var isProtected = input.ProtectedTargetIds != null && input.ProtectedTargetIds.Contains(user.Id);
                if (isProtected && existing != null && existing.IsExecutable) continue;   // its own change stays; no downgrade
                var item = existing ?? NewItem(user, link);
                if (existing == null) items.Add(item);
                if (isProtected) Protect(item, user);
                else Downgrade(item, user, link, reason.Value, options, input.Now);
            }
        }

        /// <summary>Why this employee's licence is reclaimed; null when it is not.</summary>
        internal static ReclaimReason? Qualifies(TargetUser user, ObjectLink link, LicenceReclaimOptions options, DateTimeOffset now)
        {
            if (!user.IsEmployee) return null;
            if (options.Reclaims(ReclaimKind.DisabledEmployees) && user.IsDisabledKnown && user.IsDisabled) return ReclaimReason.Disabled;
            if (!options.Reclaims(ReclaimKind.InactiveEmployees) || !user.IsDisabledKnown) return null;   // unknown state: unknown sign-in
            var cutoff = now.AddDays(-options.InactiveDays);
            if (user.LastAnyLogin != null) return user.LastAnyLogin.Value <= cutoff ? ReclaimReason.Inactive : (ReclaimReason?)null;
            // Never signed in: an account created within the period has not had the chance yet.
            var since = user.CreatedDate ?? (link != null && link.CreatedByUs ? link.LinkedAt : (DateTimeOffset?)null);
            return since == null || since.Value <= cutoff ? ReclaimReason.NeverSignedIn : (ReclaimReason?)null;
        }

        private static ObjectLink UserLink(LinkSet links, string targetId) =>
            links.TryGetByTarget(targetId, out var link) && link.ObjectType == LinkedObjectType.User ? link : null;

        private static bool CanTurnIntoDowngrade(PlanItem item)
        {
            switch (item.Action)
            {
                case PlanAction.Update:
                case PlanAction.Disable:
                    return true;
                case PlanAction.Skip:
                    return item.SkipReason == SkipReason.NoChange || item.SkipReason == SkipReason.WithinGracePeriod || item.SkipReason == SkipReason.OutOfScope;
                default:
                    return false;
            }
        }

        private static PlanItem NewItem(TargetUser user, ObjectLink link)
        {
            var item = new PlanItem
            {
                ChangeId = Guid.NewGuid().ToString(), ObjectType = PlanObjectType.User, SourceId = link?.SourceId,
                DisplayName = link?.DisplayName ?? user.DisplayName, TargetId = user.Id, TargetEmail = user.Email,
            };
            item.Link.OutOfScopeSince = link?.OutOfScopeSince;
            return item;
        }

        private static void Downgrade(PlanItem item, TargetUser user, ObjectLink link, ReclaimReason reason, LicenceReclaimOptions options, DateTimeOffset now)
        {
            var earlier = item.IsExecutable ? " " + item.Reason : "";
            item.Action = PlanAction.DowngradeToClient;
            item.SkipReason = SkipReason.None;
            item.TargetId = user.Id;
            item.TargetEmail = user.Email;
            item.UserType = UserKind.Client;
            AttributeDiff.Add(item, TargetAttribute.UserType, UserKind.Employee, UserKind.Client, false);
            item.Reclaim = reason;
            if (link != null)
            {
                // The hold: the user-type rule does not promote it back until it signs in again (docs/licence-reclaim.md).
                if (item.Link.Kind == PlanLinkChangeKind.None) item.Link.Kind = PlanLinkChangeKind.Update;
                item.Link.ReclaimedAt = now;
            }
            item.Reason = $"Licence reclaim: {user.Email} {Why(user, reason, options)}: downgrade it to a client (frees a licence).{earlier}";
            Redecide(item);
        }

        private static void Protect(PlanItem item, TargetUser user)
        {
            PlanMarks.Skip(item, SkipReason.AdminProtected,
                $"{user.Email} is an administrator of the ShareFile account: a licence reclaim never downgrades it.", keepLink: true);
            item.TargetId = user.Id;
            item.TargetEmail = user.Email;
            Redecide(item);
        }

        /// <summary>The decision step says what the item does now.</summary>
        private static void Redecide(PlanItem item)
        {
            item.Steps.RemoveAll(s => s.StepType == PlanStepType.Matching);
            item.Steps.Add(PlanSteps.Decision(item, null));
        }

        private static string Why(TargetUser user, ReclaimReason reason, LicenceReclaimOptions options)
        {
            switch (reason)
            {
                case ReclaimReason.Disabled: return "is a disabled employee and still holds a licence";
                case ReclaimReason.NeverSignedIn: return $"has never signed in (created more than {options.InactiveDays} days ago)";
                default: return $"has not signed in for {options.InactiveDays} days or more (last on {user.LastAnyLogin:yyyy-MM-dd})";
            }
        }
    }
}
