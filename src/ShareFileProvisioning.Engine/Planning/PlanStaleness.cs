using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Whether a saved plan still describes the world: the sync recomputes a plan the same way (same profile, same
    /// cycle kind, same single object) and compares what both were computed from.
    /// </summary>
    public static class PlanStaleness
    {
        /// <summary>What changed since <paramref name="saved"/> was computed; empty when it is current.</summary>
        public static IReadOnlyList<string> Compare(ProvisioningPlan saved, ProvisioningPlan fresh)
        {
            if (saved == null) throw new ArgumentNullException(nameof(saved));
            if (fresh == null) throw new ArgumentNullException(nameof(fresh));
            var a = saved.Basis;
            var b = fresh.Basis;
            var why = new List<string>();
            if (!string.Equals(a.ProfileName, b.ProfileName, StringComparison.OrdinalIgnoreCase))
                why.Add($"the plan belongs to profile '{a.ProfileName}', not '{b.ProfileName}'");
            if (a.ConfigurationFingerprint != b.ConfigurationFingerprint) why.Add("the provisioning configuration changed");
            if (a.UsersDeltaLinkUsed != b.UsersDeltaLinkUsed || a.GroupsDeltaLinkUsed != b.GroupsDeltaLinkUsed)
                why.Add("the stored delta links moved (another sync ran)");
            if (a.LinksFingerprint != b.LinksFingerprint) why.Add("the stored links changed (another sync ran or the state was reset)");
            if (a.SourceFingerprint != b.SourceFingerprint) why.Add($"the source ({a.SourceName}) changed");
            if (a.TargetFingerprint != b.TargetFingerprint) why.Add("ShareFile users changed");
            return why;
        }

        /// <summary>Throws <see cref="PlanStaleException"/> when <paramref name="saved"/> is stale or its items are not the recomputed ones.</summary>
        public static void ThrowIfStale(ProvisioningPlan saved, ProvisioningPlan fresh)
        {
            var why = Compare(saved, fresh);
            if (why.Count == 0)
            {
                var differing = FirstDifferentItem(saved, fresh);
                if (differing != null) why = new[] { "its items are not the ones computed now (the file was edited, or the world moved): " + differing };
            }
            if (why.Count > 0) throw new PlanStaleException(saved.PlanId, saved.Basis.CreatedAt, why);
        }

        /// <summary>
        /// The first action that is not the same in both plans (same object, action, target, values, reassign target,
        /// members, link change), described; null when the actions are the same. Only the recomputed plan is applied,
        /// so nothing a file says — an item, a threshold verdict — is taken on trust.
        /// </summary>
        public static string FirstDifferentItem(ProvisioningPlan saved, ProvisioningPlan fresh)
        {
            var savedVerdict = saved.Summary?.Threshold?.Exceeded == true;
            var freshVerdict = fresh.Summary?.Threshold?.Exceeded == true;
            if (savedVerdict != freshVerdict)
                return $"the saved plan says the deletion threshold is {(savedVerdict ? "" : "not ")}exceeded; evaluated now, it is {(freshVerdict ? "" : "not")}";
            var mine = Actions(fresh);
            var theirs = Actions(saved);
            foreach (var pair in theirs)
            {
                if (!mine.TryGetValue(pair.Key, out var now)) return $"the saved plan has {pair.Value.Describe}, which the current plan does not";
                if (now.Content != pair.Value.Content) return $"the saved plan has {pair.Value.Describe}, the current plan {now.Describe}";
            }
            foreach (var pair in mine)
                if (!theirs.ContainsKey(pair.Key)) return $"the current plan has {pair.Value.Describe}, which the saved plan does not";
            return null;
        }

        /// <summary>Gives the recomputed actions the saved plan's id and change ids, so results and logs refer to the reviewed plan.</summary>
        public static void AdoptIdentity(ProvisioningPlan saved, ProvisioningPlan fresh)
        {
            var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var i in saved.Items) ids[Key(i)] = i.ChangeId;
            foreach (var i in fresh.Items)
                if (ids.TryGetValue(Key(i), out var id) && id != null) i.ChangeId = id;
            fresh.PlanId = saved.PlanId;
        }

        private static Dictionary<string, (string Content, string Describe)> Actions(ProvisioningPlan plan)
        {
            var result = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
            foreach (var i in plan.Items)
            {
                if (!i.IsExecutable) continue;
                var content = string.Join("|", i.Action, i.TargetId, i.ReassignTo, i.Link?.Kind, i.UserType,
                    string.Join(";", (i.Changes ?? new List<PlanAttributeChange>()).Select(c => c.Attribute + "=" + c.NewValue).OrderBy(x => x, StringComparer.Ordinal)),
                    string.Join(";", (i.Members ?? new List<PlanGroupMember>()).Select(m => m.SourceId + ">" + m.TargetId).OrderBy(x => x, StringComparer.Ordinal)));
                result[Key(i)] = (content, $"{i.Action} of {i.DisplayName ?? i.SourceId}" + (i.ChangeSummary != null ? $" ({i.ChangeSummary})" : ""));
            }
            return result;
        }

        /// <summary>One user has one item; a group has one per action (rename, add, remove members).</summary>
        private static string Key(PlanItem i) =>
            i.ObjectType + "|" + (i.SourceId ?? i.TargetId) + (i.ObjectType == PlanObjectType.Group ? "|" + i.Action : "");
    }

    /// <summary>A saved plan no longer matches the source, ShareFile, the links or the configuration.</summary>
    public sealed class PlanStaleException : Exception
    {
        public PlanStaleException(string planId, DateTimeOffset createdAt, IReadOnlyList<string> reasons)
            : base($"The plan {planId} computed at {createdAt:u} is stale: {string.Join("; ", reasons)}. Compute a new plan with Get-ProvisioningPlan.")
        {
            PlanId = planId;
            Reasons = reasons;
        }

        public string PlanId { get; }

        public IReadOnlyList<string> Reasons { get; }
    }
}
