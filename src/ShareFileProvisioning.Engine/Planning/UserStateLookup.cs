using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// ShareFile's user feeds may leave IsDisabled out (docs/sharefile-api.md, "Feeds without the disabled state"). Unknown
    /// is not "enabled": for the users whose plan depends on the state — linked users who may need a disable or a
    /// re-enable, and users about to be adopted — the state is read from Users(id)?$expand=Security, a few at a time.
    /// Users nobody decides about (unmanaged, unmatched) are not asked.
    /// </summary>
    internal static class UserStateLookup
    {
        /// <summary>Fills in the disabled state of the users in <paramref name="ids"/> whose state is unknown; returns how many it asked.</summary>
        public static async Task<int> ResolveAsync(ShareFileClient client, AccountDetailsReads reads, TargetSnapshot snapshot, ISet<string> ids, CancellationToken cancellationToken)
        {
            var unknown = snapshot.Users.Where(u => !u.IsDisabledKnown && u.Id != null && ids.Contains(u.Id)).ToList();
            if (unknown.Count == 0) return 0;
            var before = client.Metrics.Requests;
            var gone = new HashSet<TargetUser>();
            await Task.WhenAll(unknown.Select(u => LookUpAsync(reads, u, gone, cancellationToken))).ConfigureAwait(false);
            // A user deleted between the listing and the lookup is no longer there to decide about.
            if (gone.Count > 0) snapshot.Users.RemoveAll(gone.Contains);
            snapshot.RequestCount += client.Metrics.Requests - before;
            return unknown.Count;
        }

        /// <summary>The target ids whose plan depends on the disabled state.</summary>
        public static ISet<string> DependentIds(List<PlanSubject> subjects, TargetSnapshot snapshot, IEnumerable<string> matchingEmails, MappingSet mappings, ProvisioningConfiguration configuration, PlanningInput input)
        {
            var ids = ReclaimCandidates(snapshot, input);
            var mapsEnabled = mappings.Written.Any(m => m.Target == TargetAttribute.Enabled);
            var deprovisions = (configuration.Deprovisioning?.Action ?? DeprovisioningAction.Disable) != DeprovisioningAction.None;
            foreach (var s in subjects.Where(s => s.Link?.TargetId != null))
                if (s.InScope ? mapsEnabled : deprovisions) ids.Add(s.Link.TargetId);
            var emails = new HashSet<string>(matchingEmails.Where(e => e != null).Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
            foreach (var u in snapshot.Users.Where(u => u.Email != null && emails.Contains(u.Email.Trim())))
                ids.Add(u.Id);
            return ids;
        }

        /// <summary>A licence reclaim decides on the state and last sign-in of every employee it may downgrade.</summary>
        private static HashSet<string> ReclaimCandidates(TargetSnapshot snapshot, PlanningInput input)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var reclaim = input.Reclaim;
            if (reclaim == null || reclaim.IsEmpty) return ids;
            foreach (var u in snapshot.Users.Where(u => u.IsEmployee && u.Id != null))
                if (reclaim.IncludeUnmanaged || input.Links.TryGetByTarget(u.Id, out _)) ids.Add(u.Id);
            return ids;
        }

        private static async Task LookUpAsync(AccountDetailsReads reads, TargetUser user, HashSet<TargetUser> gone, CancellationToken cancellationToken)
        {
            try
            {
                var read = await reads.ReadAsync(user.Id, cancellationToken).ConfigureAwait(false);
                user.IsDisabled = read.IsDisabled;
                user.IsDisabledKnown = read.StateKnown;
                user.LastAnyLogin = read.LastAnyLogin;
            }
            catch (ShareFileApiException e) when (e.StatusCode == 404)
            {
                lock (gone) gone.Add(user);
            }
        }
    }
}
