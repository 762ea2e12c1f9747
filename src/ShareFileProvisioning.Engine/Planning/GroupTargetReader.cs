using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Reads the ShareFile groups a plan needs: one GET Groups for all of them, then members only for the groups in play
    /// (linked, or the one name match of an assigned group), one GET Groups(id)?$expand=Contacts each.
    /// </summary>
    internal static class GroupTargetReader
    {
        public static async Task<GroupTargetSnapshot> ReadAsync(ShareFileClient client, SourceReadResult source, LinkSet links, GroupProvisioningSettings settings,
            DateTimeOffset now, int? pageSize, int maxConcurrency, CancellationToken ct)
        {
            var before = client.Metrics.Requests;
            var all = await client.ListGroupsAsync(pageSize, ct).ConfigureAwait(false);
            var snapshot = new GroupTargetSnapshot
            {
                Groups = all.Select(g => new TargetGroup { Id = g.Id, Name = g.Name, IsShared = g.IsShared }).ToList(),
            };
            var inPlay = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // An incremental cycle reads the members of a linked group only when it or one of its users changed (Flatten: always,
            // nested changes are not traced); a full cycle reads them all.
            var incremental = !source.IsFullRead && !source.FellBackToFullRead && settings.NestedGroups == NestedGroupHandling.Direct;
            var changedGroups = new HashSet<string>(source.GroupChanges.Select(c => c.GroupId).Where(id => id != null), StringComparer.OrdinalIgnoreCase);
            var changedUsers = new HashSet<string>(source.UserChanges.Select(c => c.UserId ?? c.User?.Id).Where(id => id != null), StringComparer.OrdinalIgnoreCase);
            var present = new HashSet<string>(snapshot.Groups.Select(g => g.Id), StringComparer.OrdinalIgnoreCase);
            if (settings.Enabled)
            {
                var byName = snapshot.Groups.Where(g => g.Name != null).ToLookup(g => g.Name.Trim(), StringComparer.OrdinalIgnoreCase);
                var mapping = (settings.Mappings ?? new List<GroupAttributeMapping>()).FirstOrDefault(m => m?.Target == "Name") ?? new GroupAttributeMapping();
                var context = new EvaluationContext(() => now);
                foreach (var g in source.Groups.Where(g => g?.Id != null))
                {
                    if (links.TryGetBySource(g.Id, out var link) && link.ObjectType == LinkedObjectType.Group && present.Contains(link.TargetId))
                    {
                        if (!incremental || changedGroups.Contains(g.Id) || g.MemberUserIds.Any(changedUsers.Contains)) inPlay.Add(link.TargetId);
                        continue;
                    }
                    string name;
                    try
                    {
                        name = GroupItemBuilder.EvaluateName(g, mapping, context);
                    }
                    catch (Exception e) when (e is ExpressionEvaluationException || e is ArgumentException)
                    {
                        continue;   // the planner reports it
                    }
                    var matches = name == null ? new List<TargetGroup>() : byName[name].ToList();
                    if (matches.Count == 1) inPlay.Add(matches[0].Id);
                }
            }
            var byId = snapshot.Groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
            inPlay.RemoveWhere(id => !byId.ContainsKey(id));
            using (var slots = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
            {
                await Task.WhenAll(inPlay.Select(async id =>
                {
                    await slots.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        var group = await client.GetGroupAsync(id, expandContacts: true, ct).ConfigureAwait(false);
                        byId[id].MemberIds = new HashSet<string>((group?.Contacts ?? (IReadOnlyList<ShareFile.Models.SfContact>)new ShareFile.Models.SfContact[0]).Where(c => c.Id != null).Select(c => c.Id), StringComparer.OrdinalIgnoreCase);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }).ToList()).ConfigureAwait(false);
            }
            snapshot.RequestCount = (int)(client.Metrics.Requests - before);
            return snapshot;
        }
    }
}
