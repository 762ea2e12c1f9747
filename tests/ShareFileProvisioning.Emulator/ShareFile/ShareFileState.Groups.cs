using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>Distribution groups (docs/sharefile-api.md, 'Groups'). Every method expects the lock held.</summary>
public sealed partial class ShareFileState
{
    /// <summary>Shared groups are visible to everyone; a personal group only to its owner.</summary>
    internal static bool CanSee(SfUser caller, SfGroup g) => g.IsShared || string.Equals(g.OwnerId, caller.Id, StringComparison.OrdinalIgnoreCase);

    internal SfGroup VisibleGroupLocked(SfUser caller, string id)
    {
        var g = GroupLocked(id);
        if (g == null || !CanSee(caller, g)) throw ShareFileApiException.NotFound($"Group '{id}' was not found.");
        return g;
    }

    private static void RequireModify(SfUser caller, SfGroup g)
    {
        if (string.Equals(g.OwnerId, caller.Id, StringComparison.OrdinalIgnoreCase)) return;
        if (g.IsShared && caller.HasRole(SfRoles.AdminSharedDistGroups)) return;
        throw ShareFileApiException.NotAuthorized($"Changing shared group '{g.Id}' requires the {SfRoles.AdminSharedDistGroups} role.");
    }

    internal List<SfGroup> VisibleGroupsLocked(SfUser caller) => OrderedGroupsLocked().Where(g => CanSee(caller, g)).ToList();

    internal List<SfGroup> GroupsOfMemberLocked(string userId) =>
        _groupsByMember.TryGetValue(userId, out var set) ? set.Select(id => _groupsById[id]).OrderBy(g => g.Seq).ToList() : new List<SfGroup>();

    internal SfGroup CreateGroupLocked(SfUser caller, JObject body)
    {
        var name = JsonBody.String(body, "Name");
        if (string.IsNullOrWhiteSpace(name)) throw ShareFileApiException.BadRequest("Creating a group: Name is required.");
        var shared = JsonBody.Bool(body, "IsShared") ?? false;
        if (shared) Require(caller, SfRoles.AdminCreateSharedGroups, "Creating a shared group");
        var contacts = JsonBody.Get(body, "Contacts");
        var members = contacts == null ? new List<SfUser>() : ResolveMembers(JsonBody.Array(contacts, "Contacts"), mustExist: true);
        var distinct = members.Select(m => m.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count > MaxGroupMembers) // at most 2,000 members
            throw ShareFileApiException.BadRequest($"Group '{name}' would have {distinct.Count} members; the limit is {MaxGroupMembers}.");

        var group = new SfGroup { Id = NewGroupId(), Name = name, IsShared = shared, OwnerId = caller.Id };
        AddGroupLocked(group);
        foreach (var id in distinct) AddMemberLocked(group, id);
        return group;
    }

    internal SfGroup UpdateGroupLocked(SfUser caller, string id, JObject body)
    {
        var g = VisibleGroupLocked(caller, id);
        RequireModify(caller, g);
        var name = JsonBody.String(body, "Name");
        var shared = JsonBody.Bool(body, "IsShared");
        if (name != null && string.IsNullOrWhiteSpace(name)) throw ShareFileApiException.BadRequest($"Group '{id}': Name must not be empty.");
        if (shared == true && !g.IsShared) Require(caller, SfRoles.AdminCreateSharedGroups, "Making a group shared");
        // Contacts in a PATCH body are ignored: members change only through Groups(id)/Contacts.
        if (name != null) g.Name = name;
        if (shared != null) g.IsShared = shared.Value;
        return g;
    }

    internal void DeleteGroupLocked(SfUser caller, string id)
    {
        var g = VisibleGroupLocked(caller, id);
        RequireModify(caller, g);
        RemoveGroupLocked(g);
    }

    /// <summary>Every reference must be a user, else nothing changes; at most 2,000 members (both our decisions).</summary>
    internal SfGroup AddMembersLocked(SfUser caller, string id, JArray contacts)
    {
        var g = VisibleGroupLocked(caller, id);
        RequireModify(caller, g);
        var add = ResolveMembers(contacts, mustExist: true).Select(u => u.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase).Where(u => !g.MemberSet.Contains(u)).ToList();
        if (g.Members.Count + add.Count > MaxGroupMembers)
            throw ShareFileApiException.BadRequest($"Group '{id}' would have {g.Members.Count + add.Count} members; the limit is {MaxGroupMembers}.");
        foreach (var u in add) AddMemberLocked(g, u);
        return g;
    }

    /// <summary>Id tried first, then Email; references not in the group are skipped silently.</summary>
    internal SfGroup RemoveMembersLocked(SfUser caller, string id, JArray contacts)
    {
        var g = VisibleGroupLocked(caller, id);
        RequireModify(caller, g);
        foreach (var element in contacts)
        {
            var o = element as JObject ?? throw ShareFileApiException.BadRequest("Each contact must be an object with Id or Email.");
            var refId = JsonBody.String(o, "Id");
            var email = JsonBody.String(o, "Email");
            if (refId == null && email == null) throw ShareFileApiException.BadRequest("Each contact needs an Id or an Email.");
            if (refId != null && g.MemberSet.Contains(refId)) { RemoveMemberLocked(g, refId); continue; }
            if (email != null && UserByEmailLocked(email) is { } byEmail) RemoveMemberLocked(g, byEmail.Id);
        }
        return g;
    }

    private List<SfUser> ResolveMembers(JArray contacts, bool mustExist)
    {
        var users = new List<SfUser>();
        foreach (var element in contacts)
        {
            var o = element as JObject ?? throw ShareFileApiException.BadRequest("Each contact must be an object with Id or Email.");
            var refId = JsonBody.String(o, "Id");
            var email = JsonBody.String(o, "Email");
            if (refId == null && email == null) throw ShareFileApiException.BadRequest("Each contact needs an Id or an Email.");
            var user = refId != null ? UserLocked(refId) : UserByEmailLocked(email.Trim());
            if (user == null)
            {
                if (!mustExist) continue;
                throw ShareFileApiException.BadRequest($"Contact '{refId ?? email}' is not a user of this account.", "NotFound");
            }
            users.Add(user);
        }
        return users;
    }
}
