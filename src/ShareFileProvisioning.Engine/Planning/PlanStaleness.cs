using System;
using System.Collections.Generic;

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

        /// <summary>Throws <see cref="PlanStaleException"/> when <paramref name="saved"/> is stale.</summary>
        public static void ThrowIfStale(ProvisioningPlan saved, ProvisioningPlan fresh)
        {
            var why = Compare(saved, fresh);
            if (why.Count > 0) throw new PlanStaleException(saved.PlanId, saved.Basis.CreatedAt, why);
        }
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
