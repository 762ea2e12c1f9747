using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// Sends a group item: POST Groups (with the members already provisioned, by id), PATCH Groups(id), one POST or
    /// DELETE Groups(id)/Contacts with the whole batch, DELETE Groups(id); UnmanageGroup sends nothing (link only).
    /// Members the plan left without an id are resolved from the links the user phase just wrote.
    /// </summary>
    internal sealed class GroupItemExecutor
    {
        private readonly ShareFileClient _client;

        public GroupItemExecutor(ShareFileClient client) => _client = client;

        public async Task<ExecutionOutcome> ExecuteAsync(PlanItem item, LinkJournal links, CancellationToken ct)
        {
            var outcome = new ExecutionOutcome { TargetId = item.TargetId };
            outcome.Unresolved.AddRange(item.UnresolvedMembers ?? new List<PlanGroupMember>());
            switch (item.Action)
            {
                case PlanAction.CreateGroup:
                {
                    var refs = Resolve(item, links, outcome);
                    var created = await _client.CreateGroupAsync(item.DisplayName, item.GroupIsShared ?? true, refs, ct).ConfigureAwait(false);
                    outcome.TargetId = created?.Id ?? throw new SyncActionException("NoGroupId", $"ShareFile created group '{item.DisplayName}' but returned no id.");
                    return outcome;
                }
                case PlanAction.AdoptGroup:
                case PlanAction.UnmanageGroup:
                    return outcome;   // the link is the whole change
                case PlanAction.RenameGroup:
                    await _client.UpdateGroupAsync(Target(item), new SfGroupUpdate { Name = item.DisplayName }, ct).ConfigureAwait(false);
                    return outcome;
                case PlanAction.AddMembers:
                {
                    var refs = Resolve(item, links, outcome);
                    if (refs.Count > 0) await _client.AddGroupMembersAsync(Target(item), refs, ct).ConfigureAwait(false);
                    return outcome;
                }
                case PlanAction.RemoveMembers:
                    await _client.RemoveGroupMembersAsync(Target(item), item.Members.Select(m => SfMemberRef.ById(m.TargetId)), ct).ConfigureAwait(false);
                    return outcome;
                case PlanAction.DeleteGroup:
                    await _client.DeleteGroupAsync(Target(item), ct).ConfigureAwait(false);
                    return outcome;
                default:
                    throw new InvalidOperationException($"Plan item {item} is not a group action.");
            }
        }

        private static List<SfMemberRef> Resolve(PlanItem item, LinkJournal links, ExecutionOutcome outcome)
        {
            var refs = new List<SfMemberRef>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in item.Members ?? new List<PlanGroupMember>())
            {
                var id = m.TargetId;
                if (id == null && m.SourceId != null && links.TryGet(m.SourceId, out var link) && link.ObjectType == LinkedObjectType.User) id = link.TargetId;
                if (id == null) outcome.Unresolved.Add(m);   // its user failed to provision this cycle
                else if (seen.Add(id)) refs.Add(SfMemberRef.ById(id));
            }
            return refs;
        }

        private static string Target(PlanItem item) =>
            string.IsNullOrWhiteSpace(item.TargetId) ? throw new SyncActionException("MissingTargetId", $"The plan item for group '{item.DisplayName}' has no ShareFile id.") : item.TargetId;
    }
}
