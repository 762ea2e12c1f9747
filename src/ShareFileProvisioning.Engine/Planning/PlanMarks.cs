using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Turns an item into a Skip or Conflict: nothing is written, so changes and desired values are cleared.</summary>
    internal static class PlanMarks
    {
        /// <param name="keepLink">Keep the link bookkeeping (grace period start/clear) of a linked user.</param>
        public static void Skip(PlanItem item, SkipReason reason, string text, bool keepLink = false) =>
            Mark(item, PlanAction.Skip, reason, text, null, keepLink);

        public static void Conflict(PlanItem item, SkipReason reason, string text, IEnumerable<string> conflicting) =>
            Mark(item, PlanAction.Conflict, reason, text, conflicting, false);

        private static void Mark(PlanItem item, PlanAction action, SkipReason reason, string text, IEnumerable<string> conflicting, bool keepLink)
        {
            item.Action = action;
            item.SkipReason = reason;
            item.Reason = text;
            item.Changes.Clear();
            item.Desired = new PlanUserValues();
            item.ReassignTo = null;
            if (!keepLink) item.Link = new PlanLinkChange();
            if (conflicting != null) item.ConflictingIds = conflicting.ToList();
        }
    }
}
