using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>Test mutators (also reachable under /_emulator/graph/): each one is visible in the next delta read.</summary>
public sealed partial class GraphState
{
    /// <summary>Adds a user (Id null = new GUID). Returns its id.</summary>
    public string CreateUser(GraphUser user)
    {
        if (user == null) throw new ArgumentNullException(nameof(user));
        lock (Gate)
        {
            user.Id ??= Guid.NewGuid().ToString();
            return AddUserLocked(user).Id;
        }
    }

    /// <summary>Sets user properties (camelCase Graph names; unknown names go to the extra attributes).</summary>
    public void UpdateUser(string id, IDictionary<string, JToken> properties)
    {
        lock (Gate)
        {
            var user = RequireUser(id);
            if (user.IsSoftDeleted) throw new InvalidOperationException($"User '{id}' is soft-deleted; restore it before editing.");
            var seq = ++Seq;
            foreach (var p in properties)
            {
                var name = GraphProperties.CanonicalUserProperty(p.Key) ?? p.Key;
                user.Set(name, p.Value);
                if (GraphProperties.CanonicalUserProperty(name) == null) ExtraUserNames[name] = name;
                (user.PropertySeq ??= new Dictionary<string, long>())[name] = seq;
            }
        }
    }

    public void UpdateUser(string id, string property, object value) =>
        UpdateUser(id, new Dictionary<string, JToken> { [property] = value == null ? JValue.CreateNull() : JToken.FromObject(value) });

    public void DisableUser(string id) => UpdateUser(id, "accountEnabled", false);

    public void EnableUser(string id) => UpdateUser(id, "accountEnabled", true);

    /// <summary>Soft delete: the user leaves reads, groups and assignment lists; delta shows `@removed: changed`.</summary>
    public void SoftDeleteUser(string id)
    {
        lock (Gate)
        {
            var user = RequireUser(id);
            if (user.IsSoftDeleted) throw new InvalidOperationException($"User '{id}' is already soft-deleted.");
            var seq = ++Seq;
            user.IsSoftDeleted = true;
            user.DeletedDateTime = Stamp();
            user.StateSeq = seq;
            RecordMembershipLocked(id, present: false, seq);
        }
    }

    /// <summary>Restores a soft-deleted user with its memberships and assignments.</summary>
    public void RestoreUser(string id)
    {
        lock (Gate)
        {
            var user = RequireUser(id);
            if (!user.IsSoftDeleted) throw new InvalidOperationException($"User '{id}' is not soft-deleted, so it cannot be restored.");
            var seq = ++Seq;
            user.IsSoftDeleted = false;
            user.DeletedDateTime = null;
            user.StateSeq = seq;
            RecordMembershipLocked(id, present: true, seq);
        }
    }

    /// <summary>Hard delete (purge, also of an active user): gone for good; delta shows `@removed: deleted`.</summary>
    public void PurgeUser(string id)
    {
        lock (Gate)
        {
            var user = RequireUser(id);
            var seq = ++Seq;
            if (!user.IsSoftDeleted) RecordMembershipLocked(id, present: false, seq);
            foreach (var g in GroupsById.Values) g.Members.Remove(id);
            RemoveAssignmentsLocked(a => string.Equals(a.PrincipalId, id, StringComparison.OrdinalIgnoreCase));
            var tombstone = new GraphUser { Id = user.Id, IsPurged = true, StateSeq = seq, CreatedSeq = user.CreatedSeq };
            UsersById[user.Id] = tombstone;
        }
    }

    /// <summary>Adds a group (Id null = new GUID) with optional direct members. Returns its id.</summary>
    public string CreateGroup(GraphGroup group, IEnumerable<string> memberIds = null)
    {
        if (group == null) throw new ArgumentNullException(nameof(group));
        lock (Gate)
        {
            group.Id ??= Guid.NewGuid().ToString();
            AddGroupLocked(group);
            foreach (var m in memberIds ?? Enumerable.Empty<string>())
            {
                RequireMemberCandidate(m);
                group.Members.Add(m);
            }
            return group.Id;
        }
    }

    /// <summary>
    /// Deletes a group (security groups are deleted for good): it leaves the groups it was a member of, its app role
    /// assignments go, and groups/delta reports it as `@removed: deleted`.
    /// </summary>
    public void DeleteGroup(string id)
    {
        lock (Gate)
        {
            var group = RequireGroup(id);
            var seq = ++Seq;
            RecordMembershipLocked(group.Id, present: false, seq);
            foreach (var g in GroupsById.Values) g.Members.Remove(group.Id);
            RemoveAssignmentsLocked(a => string.Equals(a.PrincipalId, group.Id, StringComparison.OrdinalIgnoreCase));
            GroupsById.Remove(group.Id);
            GroupOrder.Remove(group.Id);
            DeletedGroups[group.Id] = seq;
        }
    }

    public void UpdateGroup(string id, string property, object value)
    {
        lock (Gate)
        {
            var group = RequireGroup(id);
            group.Set(property, value == null ? JValue.CreateNull() : JToken.FromObject(value));
            (group.PropertySeq ??= new Dictionary<string, long>())[property] = ++Seq;
        }
    }

    public void AddGroupMember(string groupId, string memberId)
    {
        lock (Gate)
        {
            var group = RequireGroup(groupId);
            RequireMemberCandidate(memberId);
            if (string.Equals(groupId, memberId, StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"Group '{groupId}' cannot be a member of itself.");
            if (!group.Members.Add(memberId)) throw new InvalidOperationException($"'{memberId}' is already a member of group '{group.DisplayName}'.");
            (group.MemberChanges ??= new())[memberId] = (++Seq, true);
        }
    }

    public void RemoveGroupMember(string groupId, string memberId)
    {
        lock (Gate)
        {
            var group = RequireGroup(groupId);
            if (!group.Members.Remove(memberId)) throw new InvalidOperationException($"'{memberId}' is not a member of group '{group.DisplayName}'.");
            (group.MemberChanges ??= new())[memberId] = (++Seq, false);
        }
    }

    /// <summary>Assigns a user or group to the service principal. Returns the assignment id.</summary>
    public string Assign(string principalId, string appRoleId = GraphAppRoleAssignment.DefaultAppRoleId)
    {
        lock (Gate) return AssignLocked(principalId, appRoleId ?? GraphAppRoleAssignment.DefaultAppRoleId, null).Id;
    }

    /// <summary>Removes the principal's assignments (only the given role if appRoleId is set). Returns how many.</summary>
    public int Unassign(string principalId, string appRoleId = null)
    {
        lock (Gate)
        {
            var removed = RemoveAssignmentsLocked(a => string.Equals(a.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase)
                && (appRoleId == null || string.Equals(a.AppRoleId, appRoleId, StringComparison.OrdinalIgnoreCase)));
            if (removed == 0) throw new InvalidOperationException($"'{principalId}' has no assignment{(appRoleId == null ? "" : " with app role " + appRoleId)} to remove.");
            return removed;
        }
    }

    /// <summary>Moves the emulator clock forward (delta tokens older than 7 days expire).</summary>
    public void AdvanceClock(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The emulator clock only moves forward.");
        lock (Gate) _clockOffset += by;
    }

    /// <summary>The next <paramref name="count"/> delta calls with a token for users/groups answer 410 Gone + Location.</summary>
    public void InjectDeltaGone(string resource, int count = 1)
    {
        if (resource is not ("users" or "groups")) throw new ArgumentException($"Delta resource '{resource}' is unknown; use users or groups.", nameof(resource));
        lock (Gate) DeltaGoneCountdown[resource] = count;
    }

    // ---------- helpers (call under Gate) ----------

    internal GraphUser AddUserLocked(GraphUser user, bool bulk = false)
    {
        RequireGuid(user.Id, "user id");
        user.Id = user.Id.ToLowerInvariant();
        if (UsersById.ContainsKey(user.Id)) throw new InvalidOperationException($"User id '{user.Id}' already exists.");
        if (string.IsNullOrEmpty(user.UserPrincipalName)) throw new ArgumentException($"User '{user.Id}' needs a userPrincipalName.");
        user.CreatedDateTime ??= Stamp();
        user.CreatedSeq = ++Seq;
        foreach (var p in user.Extra?.Properties() ?? Enumerable.Empty<JProperty>()) ExtraUserNames[p.Name] = p.Name;
        UsersById[user.Id] = user;
        if (bulk) UserOrder.Add(user.Id); else InsertSorted(UserOrder, user.Id);
        return user;
    }

    internal GraphGroup AddGroupLocked(GraphGroup group, bool bulk = false)
    {
        RequireGuid(group.Id, "group id");
        group.Id = group.Id.ToLowerInvariant();
        if (GroupsById.ContainsKey(group.Id) || UsersById.ContainsKey(group.Id)) throw new InvalidOperationException($"Object id '{group.Id}' already exists.");
        group.CreatedDateTime ??= Stamp();
        group.CreatedSeq = ++Seq;
        GroupsById[group.Id] = group;
        if (bulk) GroupOrder.Add(group.Id); else InsertSorted(GroupOrder, group.Id);
        return group;
    }

    internal GraphAppRoleAssignment AssignLocked(string principalId, string appRoleId, string principalType, bool bulk = false)
    {
        string type;
        if (GroupsById.ContainsKey(principalId ?? "")) type = "Group";
        else if (IsLiveUser(principalId ?? "")) type = "User";
        else throw new InvalidOperationException($"Cannot assign '{principalId}': no such user or group.");
        if (principalType != null && !string.Equals(principalType, type, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Cannot assign '{principalId}': it is a {type}, not a {principalType}.");
        if (appRoleId != GraphAppRoleAssignment.DefaultAppRoleId)
        {
            var role = ServicePrincipal.AppRoles.FirstOrDefault(r => string.Equals(r.Id, appRoleId, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"App role '{appRoleId}' does not exist on '{ServicePrincipal.DisplayName}'.");
            if (!role.IsEnabled)
                throw new InvalidOperationException($"App role '{role.DisplayName}' is disabled and cannot be assigned.");
            if (!role.Allows(type))
                throw new InvalidOperationException($"App role '{role.DisplayName}' cannot be assigned to a {type} (allowed member types: {string.Join(", ", role.AllowedMemberTypes)}).");
        }
        if (!AssignmentKeys.Add(AssignmentKey(principalId, appRoleId)))
            throw new InvalidOperationException($"'{principalId}' already has app role '{appRoleId}'.");
        var assignment = new GraphAppRoleAssignment
        {
            Id = NewAssignmentId(), PrincipalId = principalId, PrincipalType = type, AppRoleId = appRoleId, CreatedDateTime = Stamp(),
        };
        if (bulk)
        {
            Assignments.Add(assignment);
        }
        else
        {
            var at = Assignments.FindIndex(a => string.CompareOrdinal(a.Id, assignment.Id) > 0);
            Assignments.Insert(at < 0 ? Assignments.Count : at, assignment);
        }
        return assignment;
    }

    /// <summary>Graph's assignment ids are 43-character base64url strings, not GUIDs.</summary>
    private static string NewAssignmentId()
    {
        var bytes = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_').Substring(0, 43);
    }

    private static string AssignmentKey(string principalId, string appRoleId) => (principalId + "|" + appRoleId).ToLowerInvariant();

    private int RemoveAssignmentsLocked(Predicate<GraphAppRoleAssignment> match)
    {
        foreach (var a in Assignments.Where(a => match(a))) AssignmentKeys.Remove(AssignmentKey(a.PrincipalId, a.AppRoleId));
        return Assignments.RemoveAll(match);
    }

    private void RecordMembershipLocked(string userId, bool present, long seq)
    {
        foreach (var g in GroupsById.Values)
            if (g.Members.Contains(userId)) (g.MemberChanges ??= new())[userId] = (seq, present);
    }

    private void RequireMemberCandidate(string memberId)
    {
        if (!IsLiveUser(memberId ?? "") && !GroupsById.ContainsKey(memberId ?? ""))
            throw new InvalidOperationException($"'{memberId}' is neither an active user nor a group, so it cannot be a member.");
    }

    internal GraphUser RequireUser(string id) =>
        id != null && UsersById.TryGetValue(id, out var u) && !u.IsPurged ? u : throw new KeyNotFoundException($"User '{id}' does not exist.");

    internal GraphGroup RequireGroup(string id) =>
        id != null && GroupsById.TryGetValue(id, out var g) ? g : throw new KeyNotFoundException($"Group '{id}' does not exist.");
}
