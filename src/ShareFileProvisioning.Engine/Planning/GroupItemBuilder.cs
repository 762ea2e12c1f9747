using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Plans the distribution groups after the users: one item per group action (create, adopt, rename, add members,
    /// remove members, delete, unmanage, skip). Members are only users the sync manages and that are in scope; a member
    /// whose user is not provisioned is a reference failure on the group item, never a reason to skip the group.
    /// </summary>
    internal static class GroupItemBuilder
    {
        private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

        public static List<PlanItem> Build(PlanningInput input, IReadOnlyList<PlanItem> userItems, IReadOnlyList<PlanSubject> subjects, EvaluationContext context)
        {
            var items = new List<PlanItem>();
            if (input.Groups == null || (input.OnlySourceIds != null && input.OnlyGroupIds == null)) return items;   // pipeline input / users on demand: users only
            var settings = input.Mappings.Configuration.GroupProvisioning ?? new GroupProvisioningSettings();
            var target = input.Groups.Target ?? new GroupTargetSnapshot();
            var byId = new Dictionary<string, TargetGroup>(Ids);
            foreach (var g in target.Groups) byId[g.Id] = g;
            var groupLinks = input.Links.Where(l => l.ObjectType == LinkedObjectType.Group).ToList();

            if (!settings.Enabled)
            {
                foreach (var link in groupLinks)
                    items.Add(Unmanage(link, "Group provisioning is disabled: the ShareFile group stays as it is and is no longer managed (its link is dropped)."));
                return items;
            }

            var members = new MemberResolver(input, userItems, subjects);
            var name = NameMapping(settings);
            var assigned = new HashSet<string>(Ids);
            var adopted = new HashSet<string>(Ids);
            var duplicates = DuplicateNames(input.Source.Groups, name, context);
            foreach (var g in input.Source.Groups.Where(g => g?.Id != null))
            {
                if (!assigned.Add(g.Id) || (input.OnlyGroupIds != null && !input.OnlyGroupIds.Contains(g.Id))) continue;
                if (duplicates.TryGetValue(g.Id, out var others)) items.Add(DuplicateSource(g, others, input.Links));
                else BuildOne(g, settings, name, members, input, target, byId, adopted, items, context);
            }

            foreach (var link in groupLinks.Where(l => !assigned.Contains(l.SourceId) && (input.OnlyGroupIds == null || input.OnlyGroupIds.Contains(l.SourceId))))
            {
                if (!byId.TryGetValue(link.TargetId, out var existing))
                    items.Add(Unmanage(link, $"The Entra group is no longer assigned and ShareFile group {link.TargetId} no longer exists: the link is dropped."));
                else if (!link.CreatedByUs)
                    items.Add(Unmanage(link, $"Entra group '{link.DisplayName ?? link.SourceId}' is no longer assigned (or was deleted): ShareFile group '{existing.Name}' existed before it was adopted by name, so it is never deleted; it stays and is no longer managed."));
                else if (settings.OnGroupRemoved == GroupRemovedAction.Delete)
                    items.Add(new PlanItem
                    {
                        ChangeId = NewId(), Action = PlanAction.DeleteGroup, ObjectType = PlanObjectType.Group, SourceId = link.SourceId,
                        DisplayName = existing.Name, TargetId = existing.Id, Link = new PlanLinkChange { Kind = PlanLinkChangeKind.Remove },
                        Reason = $"Entra group '{link.DisplayName ?? link.SourceId}' is no longer assigned (or was deleted): ShareFile group '{existing.Name}' is deleted (OnGroupRemoved = Delete).",
                    });
                else
                    items.Add(Unmanage(link, $"Entra group '{link.DisplayName ?? link.SourceId}' is no longer assigned (or was deleted): ShareFile group '{existing.Name}' stays and is no longer managed (OnGroupRemoved = Keep)."));
            }
            return items;
        }

        /// <summary>Entra groups whose mapped names collide (ignoring case), each with the others of its name: none of them is provisioned.</summary>
        private static Dictionary<string, List<ScopedGroup>> DuplicateNames(IEnumerable<ScopedGroup> groups, GroupAttributeMapping nameMapping, EvaluationContext context)
        {
            var named = new List<(ScopedGroup Group, string Name)>();
            foreach (var g in groups.Where(g => g?.Id != null).GroupBy(g => g.Id, Ids).Select(x => x.First()))
            {
                try
                {
                    var n = EvaluateName(g, nameMapping, context);
                    if (!string.IsNullOrWhiteSpace(n)) named.Add((g, n.Trim()));
                }
                catch (Exception e) when (e is ExpressionEvaluationException || e is ArgumentException)
                {
                    // BuildOne reports the failing mapping on the group's own item.
                }
            }
            var result = new Dictionary<string, List<ScopedGroup>>(Ids);
            foreach (var same in named.GroupBy(n => n.Name, Ids).Where(x => x.Count() > 1))
                foreach (var n in same)
                    result[n.Group.Id] = same.Where(o => !ReferenceEquals(o.Group, n.Group)).Select(o => o.Group).ToList();
            return result;
        }

        private static PlanItem DuplicateSource(ScopedGroup g, List<ScopedGroup> others, LinkSet links)
        {
            links.TryGetBySource(g.Id, out var link);
            return new PlanItem
            {
                ChangeId = NewId(), Action = PlanAction.Conflict, ObjectType = PlanObjectType.Group, SourceId = g.Id, SourceAnchor = g.DisplayName,
                DisplayName = g.DisplayName, TargetId = link?.ObjectType == LinkedObjectType.Group ? link.TargetId : null, SkipReason = SkipReason.DuplicateSourceEntries,
                ConflictingIds = others.Select(o => o.Id).ToList(),
                Reason = $"Entra group '{g.DisplayName}' and {string.Join(", ", others.Select(o => $"'{o.DisplayName}' ({o.Id})"))} map to the same ShareFile group name: " +
                         "none of them is created or changed until only one maps there (ShareFile must never hold two groups of one name).",
            };
        }

        private static void BuildOne(ScopedGroup g, GroupProvisioningSettings settings, GroupAttributeMapping nameMapping, MemberResolver members, PlanningInput input,
            GroupTargetSnapshot target, Dictionary<string, TargetGroup> byId, HashSet<string> adopted, List<PlanItem> items, EvaluationContext context)
        {
            var one = new OneGroup(g, settings, input, items);
            var name = one.Name(nameMapping, context);
            if (name == null) return;
            var sourceMembers = settings.NestedGroups == NestedGroupHandling.Flatten && input.Groups.TransitiveMembers.TryGetValue(g.Id, out var flat)
                ? flat : g.MemberUserIds;
            foreach (var id in sourceMembers.Distinct(Ids)) members.Classify(id, one.Desired, one.Unresolved);

            input.Links.TryGetBySource(g.Id, out var link);
            if (link != null && link.ObjectType != LinkedObjectType.Group) link = null;
            TargetGroup existing = null;
            if (link != null) byId.TryGetValue(link.TargetId, out existing);
            if (existing == null && !one.MatchOrCreate(target, link, adopted, out existing)) return;
            one.Rename(existing);
            // Members not read: an incremental cycle in which neither the group nor any of its users changed.
            if (existing.MemberIds == null) return;
            one.Members(existing);
            one.Finish(existing);
        }

        /// <summary>The decisions for one Entra group, each adding its item: name, match or create, rename, members.</summary>
        private sealed class OneGroup
        {
            private readonly ScopedGroup _g;
            private readonly GroupProvisioningSettings _settings;
            private readonly PlanningInput _input;
            private readonly List<PlanItem> _items;
            private string _name;

            public OneGroup(ScopedGroup g, GroupProvisioningSettings settings, PlanningInput input, List<PlanItem> items)
            {
                _g = g;
                _settings = settings;
                _input = input;
                _items = items;
            }

            public List<PlanGroupMember> Desired { get; } = new List<PlanGroupMember>();

            public List<PlanGroupMember> Unresolved { get; private set; } = new List<PlanGroupMember>();

            private PlanItem Item(PlanAction action, string targetId, string display) => new PlanItem
            {
                ChangeId = NewId(), Action = action, ObjectType = PlanObjectType.Group, SourceId = _g.Id, SourceAnchor = _g.DisplayName,
                DisplayName = display, TargetId = targetId, GroupIsShared = _settings.IsShared,
            };

            private void Skip(SkipReason reason, string display, string why, string targetId = null)
            {
                var item = Item(PlanAction.Skip, targetId, display);
                item.SkipReason = reason;
                item.Reason = why;
                _items.Add(item);
            }

            /// <summary>The ShareFile name, or null after a skip (mapping failed, empty, unsafe or too long).</summary>
            public string Name(GroupAttributeMapping mapping, EvaluationContext context)
            {
                string name;
                try
                {
                    name = EvaluateName(_g, mapping, context);
                }
                catch (Exception e) when (e is ExpressionEvaluationException || e is ArgumentException)
                {
                    Skip(SkipReason.MappingFailed, _g.DisplayName, $"The group name mapping failed for Entra group '{_g.DisplayName ?? _g.Id}': {e.Message}");
                    return null;
                }
                if (string.IsNullOrWhiteSpace(name))
                {
                    Skip(SkipReason.MissingRequiredAttribute, _g.DisplayName, $"Entra group '{_g.DisplayName ?? _g.Id}' maps to an empty ShareFile group name: the group and its members are skipped.");
                    return null;
                }
                var unsafeChar = UnsafeText.Find(name);
                if (unsafeChar != null || name.Length > TargetValues.MaxNameLength)
                {
                    Skip(SkipReason.InvalidAttributeValue, UnsafeText.Neutralize(_g.DisplayName), unsafeChar != null
                        ? $"The ShareFile name of Entra group '{UnsafeText.Neutralize(_g.DisplayName ?? _g.Id)}' contains {unsafeChar}: the group is not sent."
                        : $"The ShareFile name of Entra group '{_g.DisplayName ?? _g.Id}' has {name.Length} characters; at most {TargetValues.MaxNameLength} are sent.");
                    return null;
                }
                return _name = name;
            }

            /// <summary>No linked group: adopt the one ShareFile group of that name, or create it; false when the group is decided (conflict, create, overflow).</summary>
            public bool MatchOrCreate(GroupTargetSnapshot target, ObjectLink link, HashSet<string> adopted, out TargetGroup existing)
            {
                existing = null;
                var matches = target.Groups.Where(t => string.Equals(t.Name?.Trim(), _name, StringComparison.OrdinalIgnoreCase)).ToList();
                if (matches.Count > 1)
                {
                    var conflict = Item(PlanAction.Conflict, null, _name);
                    conflict.SkipReason = SkipReason.DuplicateTargetEntries;
                    conflict.ConflictingIds = matches.Select(m => m.Id).ToList();
                    conflict.Reason = $"{matches.Count} ShareFile groups are named '{_name}' ({string.Join(", ", conflict.ConflictingIds)}): Entra group '{_g.DisplayName}' cannot be matched; rename or remove the duplicates.";
                    _items.Add(conflict);
                    return false;
                }
                var match = matches.Count == 1 && !_input.Links.TryGetByTarget(matches[0].Id, out _) && adopted.Add(matches[0].Id) ? matches[0] : null;
                if (match == null)
                {
                    Create(link);
                    return false;
                }
                var adopt = Item(PlanAction.AdoptGroup, match.Id, _name);
                adopt.Link = new PlanLinkChange { Kind = PlanLinkChangeKind.Add, MatchedBy = "Name", ReplacesTargetId = link?.TargetId };
                adopt.Reason = $"ShareFile group '{match.Name}' ({match.Id}) has the name of Entra group '{_g.DisplayName}': it is linked and managed from now on.";
                _items.Add(adopt);
                existing = match;
                return true;
            }

            private void Create(ObjectLink link)
            {
                var fits = Fit(Desired, 0, _settings, _g, _name, out var overflowNote);
                if (fits == null)
                {
                    _items.Add(Overflow(Item(PlanAction.Skip, null, _name), Desired.Count, 0, _g));
                    return;
                }
                var create = Item(PlanAction.CreateGroup, null, _name);
                create.Link = new PlanLinkChange { Kind = PlanLinkChangeKind.Add, ReplacesTargetId = link?.TargetId };
                create.Changes.Add(new PlanAttributeChange { Attribute = "Name", NewValue = _name });
                create.Members = fits;
                create.UnresolvedMembers = Unresolved;
                create.Reason = $"No ShareFile group is named '{_name}': it is created with {fits.Count} member(s)" + overflowNote + GroupItemBuilder.Unresolved(Unresolved);
                if (fits.Count > 0) create.Changes.Add(new PlanAttributeChange { Attribute = "members", NewValue = Names(fits) });
                _items.Add(create);
            }

            public void Rename(TargetGroup existing)
            {
                if (string.Equals(existing.Name, _name, StringComparison.Ordinal)) return;
                var rename = Item(PlanAction.RenameGroup, existing.Id, _name);
                rename.Changes.Add(new PlanAttributeChange { Attribute = "Name", OldValue = existing.Name, NewValue = _name });
                rename.Reason = $"Entra group renamed: ShareFile group '{existing.Name}' becomes '{_name}'.";
                _items.Add(rename);
            }

            /// <summary>One add (what fits under the limit) and one remove (linked users no longer members) for the group.</summary>
            public void Members(TargetGroup existing)
            {
                var current = existing.MemberIds;
                var wanted = new HashSet<string>(Desired.Where(m => m.TargetId != null).Select(m => m.TargetId), Ids);
                var adds = Desired.Where(m => m.TargetId == null || !current.Contains(m.TargetId)).ToList();
                var removes = new List<PlanGroupMember>();
                foreach (var id in current)
                    if (!wanted.Contains(id) && _input.Links.TryGetByTarget(id, out var userLink) && userLink.ObjectType == LinkedObjectType.User)
                        removes.Add(new PlanGroupMember { SourceId = userLink.SourceId, TargetId = id, DisplayName = userLink.DisplayName ?? id });

                var kept = current.Count - removes.Count;
                var fitting = Fit(adds, kept, _settings, _g, _name, out var note);
                if (fitting == null)
                {
                    _items.Add(Overflow(Item(PlanAction.Skip, existing.Id, _name), adds.Count, kept, _g));
                    return;
                }
                if (fitting.Count > 0)
                {
                    var add = Item(PlanAction.AddMembers, existing.Id, _name);
                    add.Members = fitting;
                    add.UnresolvedMembers = Unresolved;
                    add.Changes.Add(new PlanAttributeChange { Attribute = "members", NewValue = "+ " + Names(fitting) });
                    add.Reason = $"{fitting.Count} member(s) join ShareFile group '{_name}'" + note + GroupItemBuilder.Unresolved(Unresolved);
                    _items.Add(add);
                    Unresolved = new List<PlanGroupMember>();
                }
                if (removes.Count > 0)
                {
                    var remove = Item(PlanAction.RemoveMembers, existing.Id, _name);
                    remove.Members = removes;
                    remove.Changes.Add(new PlanAttributeChange { Attribute = "members", OldValue = "- " + Names(removes) });
                    remove.Reason = $"{removes.Count} member(s) leave ShareFile group '{_name}' (no longer members in Entra, or out of scope).";
                    _items.Add(remove);
                }
            }

            /// <summary>Reference failures with nothing else to say about the group still show on its record; a group with nothing to do says so.</summary>
            public void Finish(TargetGroup existing)
            {
                var last = _items.LastOrDefault(i => i.SourceId == _g.Id && i.Action != PlanAction.Skip);
                if (Unresolved.Count > 0 && last != null && last.UnresolvedMembers.Count == 0) last.UnresolvedMembers = Unresolved;
                if (_items.Any(i => i.SourceId == _g.Id)) return;
                var same = Item(PlanAction.Skip, existing.Id, _name);
                same.SkipReason = SkipReason.NoChange;
                same.UnresolvedMembers = Unresolved;
                same.Reason = $"ShareFile group '{_name}' already has its name and members." + GroupItemBuilder.Unresolved(Unresolved);
                _items.Add(same);
            }
        }

        /// <summary>The members that fit under the limit, or null when the group must be skipped (policy Skip).</summary>
        private static List<PlanGroupMember> Fit(List<PlanGroupMember> adds, int kept, GroupProvisioningSettings settings, ScopedGroup g, string name, out string note)
        {
            note = "";
            var room = GroupProvisioningSettings.ShareFileMemberLimit - kept;
            if (adds.Count <= room) return adds;
            if (settings.OverflowPolicy != GroupOverflowPolicy.ApplyWhatFits) return null;
            var take = Math.Max(0, room);
            note = $" (only {take} of {adds.Count} fit under ShareFile's {GroupProvisioningSettings.ShareFileMemberLimit}-member limit; OverflowPolicy = ApplyWhatFits)";
            return adds.Take(take).ToList();
        }

        private static PlanItem Overflow(PlanItem skip, int adding, int kept, ScopedGroup g)
        {
            skip.SkipReason = SkipReason.GroupMemberLimit;
            skip.Reason = $"Entra group '{g.DisplayName}' would have {kept + adding} members in ShareFile, above the {GroupProvisioningSettings.ShareFileMemberLimit}-member limit of a distribution group: " +
                          "its membership is skipped (OverflowPolicy = Skip; set ApplyWhatFits to add the members that fit).";
            return skip;
        }

        private static PlanItem Unmanage(ObjectLink link, string reason) => new PlanItem
        {
            ChangeId = NewId(), Action = PlanAction.UnmanageGroup, ObjectType = PlanObjectType.Group, SourceId = link.SourceId,
            DisplayName = link.DisplayName, TargetId = link.TargetId, Link = new PlanLinkChange { Kind = PlanLinkChangeKind.Remove }, Reason = reason,
        };

        private static GroupAttributeMapping NameMapping(GroupProvisioningSettings settings) =>
            (settings.Mappings ?? new List<GroupAttributeMapping>()).FirstOrDefault(m => m != null && string.Equals(m.Target, "Name", StringComparison.Ordinal))
            ?? new GroupAttributeMapping();

        internal static string EvaluateName(ScopedGroup g, GroupAttributeMapping mapping, EvaluationContext context)
        {
            var source = new SourceObject().Set("displayName", g.DisplayName).Set("id", g.Id);
            if (string.IsNullOrWhiteSpace(mapping.Expression))
                return source.TryGetValue(mapping.SourceAttribute ?? "displayName", out var v) ? (v as string)?.Trim() : null;
            var compiled = ExpressionCompiler.Compile(mapping.Expression, new[] { "displayName", "id" });
            var result = compiled.Evaluate(source, context);
            if (result.IsFlowIgnored || result.Value == null) return null;
            return result.AsString()?.Trim();
        }

        private static string Unresolved(List<PlanGroupMember> unresolved) =>
            unresolved.Count == 0 ? "." : $"; {unresolved.Count} member(s) left out because their user is not provisioned: {Names(unresolved)} (UnableToResolveReferenceAttributeValue).";

        internal static string Names(IEnumerable<PlanGroupMember> members)
        {
            var list = members.ToList();
            var shown = string.Join(", ", list.Take(20).Select(m => m.DisplayName ?? m.SourceId ?? m.TargetId));
            return list.Count > 20 ? shown + $" … (+{list.Count - 20})" : shown;
        }

        private static string NewId() => Guid.NewGuid().ToString();

        /// <summary>Decides, per Entra user, whether it belongs in ShareFile groups and by which ShareFile id.</summary>
        private sealed class MemberResolver
        {
            private readonly PlanningInput _input;
            private readonly Dictionary<string, PlanItem> _items = new Dictionary<string, PlanItem>(Ids);
            private readonly Dictionary<string, PlanSubject> _subjects = new Dictionary<string, PlanSubject>(Ids);
            private readonly bool _incremental;

            public MemberResolver(PlanningInput input, IReadOnlyList<PlanItem> userItems, IReadOnlyList<PlanSubject> subjects)
            {
                _input = input;
                foreach (var i in userItems) if (i.SourceId != null && i.ObjectType == PlanObjectType.User) _items[i.SourceId] = i;
                foreach (var s in subjects) _subjects[s.SourceId] = s;
                _incremental = !input.Source.IsFullRead && !input.Source.FellBackToFullRead;
            }

            public void Classify(string userId, List<PlanGroupMember> desired, List<PlanGroupMember> unresolved)
            {
                if (_subjects.TryGetValue(userId, out var s))
                {
                    if (!s.InScope) return;
                    _items.TryGetValue(userId, out var item);
                    var member = new PlanGroupMember { SourceId = userId, DisplayName = s.Anchor ?? s.DisplayName };
                    switch (item?.Action)
                    {
                        case PlanAction.Create:
                            desired.Add(member);   // the sync resolves the new id from the link
                            return;
                        case PlanAction.Adopt:
                            member.TargetId = item.TargetId;
                            desired.Add(member);
                            return;
                        case PlanAction.Delete:
                        case PlanAction.DowngradeToClient:
                            return;
                        case PlanAction.Skip when item.SkipReason == SkipReason.OutOfScope || item.SkipReason == SkipReason.NotProvisionedDisabled || item.SkipReason == SkipReason.WithinGracePeriod:
                            return;
                    }
                    if (s.Link != null && item?.Link?.Kind != PlanLinkChangeKind.Remove)
                    {
                        member.TargetId = s.Link.TargetId;
                        desired.Add(member);
                    }
                    else unresolved.Add(member);
                    return;
                }

                // Not read this cycle: an incremental cycle knows unchanged members by their link; a full read has every in-scope user.
                if (_input.Links.TryGetBySource(userId, out var link) && link.ObjectType == LinkedObjectType.User)
                {
                    if (_incremental && link.OutOfScopeSince == null)
                        desired.Add(new PlanGroupMember { SourceId = userId, TargetId = link.TargetId, DisplayName = link.DisplayName });
                    return;
                }
                if (_incremental) unresolved.Add(new PlanGroupMember { SourceId = userId, DisplayName = userId });
            }
        }
    }
}
