using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// The guard against a shrinking or failing source (docs/safety.md): counts the linked users a read takes out of
    /// scope against the managed accounts; above the bound every deprovisioning of the cycle is staged, and a full read
    /// with no assignments at all while users are linked is suspicious and refused by the sync without -AllowDeletes.
    /// </summary>
    internal static class SourceShrinkCheck
    {
        public static void Apply(DeletionThresholdCheck check, PlanningInput input, System.Collections.Generic.List<PlanSubject> subjects, SourceShrinkSettings settings)
        {
            var managed = input.Links.Count(l => l.ObjectType == LinkedObjectType.User);
            var left = subjects.Count(s => s.Link != null && !s.InScope && !s.Unknown);
            check.ManagedUsers = managed;
            check.LeftScope = left;
            check.ShrinkLimit = $"more than {settings.Percent:0.##} % of {managed} managed users and more than {settings.Minimum}, or more than {settings.Count}";
            check.ShrinkExceeded = (left > settings.Minimum && left * 100.0 > settings.Percent * managed) || left > settings.Count;
            var source = input.Source;
            var noAssignments = source.AssignmentCount.HasValue
                ? source.AssignmentCount == 0
                : (source.IsFullRead || source.FellBackToFullRead) && source.Users.Count == 0 && source.Groups.Count == 0 && source.UnknownUserIds.Count == 0;
            if (input.OnlySourceIds == null && managed > 0 && noAssignments)
                check.SuspiciousSource = $"the source returned no assignments at all while {managed} user(s) are linked: a broken read or the wrong app is more likely than everyone leaving";
            if (check.ShrinkExceeded || check.SuspiciousSource != null) check.Exceeded = true;
        }
    }
}
