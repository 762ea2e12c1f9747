using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>GET /users, /users/{id}, /groups, /groups/{id}, /groups/{id}/members and /transitiveMembers.</summary>
internal static class GraphDirectoryEndpoints
{
    private static readonly string[] UserFilterable =
        { "id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "employeeId", "mailNickname", "accountEnabled", "companyName", "department", "jobTitle" };
    private static readonly string[] GroupFilterable = { "id", "displayName", "mailNickname", "securityEnabled", "mailEnabled" };

    public static JObject ListUsers(HttpContext ctx, GraphState state)
    {
        var select = GraphQuery.UserSelect(ctx, state);
        var filter = GraphQuery.ParseFilter(GraphHttp.Query(ctx, "filter"), UserFilterable, "User");
        lock (state.Gate)
        {
            var order = IdCandidates(state, filter) ?? state.UserOrder;
            IEnumerable<GraphUser> UsersAfter(string after) => GraphQuery.SortedAfter(order, i => i, after)
                .Select(id => state.UsersById[id]).Where(u => !u.IsSoftDeleted && !u.IsPurged && GraphQuery.Matches(filter, u.Get));
            return CountedPage(ctx, state, UsersAfter, u => u.Id, u => GraphJson.User(u, select), GraphJson.Context(GraphHttp.V1(ctx), "users", select));
        }
    }

    /// <summary>
    /// A filter on ids only (`id in (…)`, the source's by-id reads) names its users: they are looked up, in the tenant's
    /// order, instead of testing every user of a large tenant under the state's lock. Null for any other filter.
    /// </summary>
    private static List<string> IdCandidates(GraphState state, List<(string Property, HashSet<string> Values)> filter)
    {
        if (filter == null || filter.Any(c => c.Property != "id")) return null;
        var ids = filter.SelectMany(c => c.Values).Where(state.UsersById.ContainsKey).Select(v => state.UsersById[v].Id).Distinct().ToList();
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>directory/deletedItems/microsoft.graph.user: the soft-deleted users (restorable), paged like /users, with deletedDateTime.</summary>
    public static JObject ListDeletedUsers(HttpContext ctx, GraphState state)
    {
        var select = GraphQuery.UserSelect(ctx, state);
        if (GraphHttp.Query(ctx, "filter") != null) throw GraphError.UnsupportedQuery("The emulator does not filter deleted items.");
        lock (state.Gate)
        {
            IEnumerable<GraphUser> DeletedAfter(string after) => GraphQuery.SortedAfter(state.UserOrder, i => i, after)
                .Select(id => state.UsersById[id]).Where(u => u.IsSoftDeleted && !u.IsPurged);
            JObject Project(GraphUser u)
            {
                var o = GraphJson.User(u, select);
                o["deletedDateTime"] = u.DeletedDateTime;
                return o;
            }
            return CountedPage(ctx, state, DeletedAfter, u => u.Id, Project, GraphJson.Context(GraphHttp.V1(ctx), "directory/deletedItems/microsoft.graph.user", select));
        }
    }

    public static JObject GetUser(HttpContext ctx, GraphState state, string key)
    {
        var select = GraphQuery.UserSelect(ctx, state);
        lock (state.Gate)
        {
            var user = state.LiveUser(key) ?? throw GraphError.NotFound(key);
            var o = GraphJson.User(user, select);
            o.AddFirst(new JProperty("@odata.context", GraphJson.Context(GraphHttp.V1(ctx), "users", select, entity: true)));
            return o;
        }
    }

    public static JObject ListGroups(HttpContext ctx, GraphState state)
    {
        var select = GraphQuery.GroupSelect(ctx);
        RejectMembersSelect(select);
        var filter = GraphQuery.ParseFilter(GraphHttp.Query(ctx, "filter"), GroupFilterable, "Group");
        lock (state.Gate)
        {
            IEnumerable<GraphGroup> GroupsAfter(string after) => GraphQuery.SortedAfter(state.GroupOrder, i => i, after)
                .Select(id => state.GroupsById[id]).Where(g => GraphQuery.Matches(filter, g.Get));
            return CountedPage(ctx, state, GroupsAfter, g => g.Id, g => GraphJson.Group(g, select), GraphJson.Context(GraphHttp.V1(ctx), "groups", select));
        }
    }

    public static JObject GetGroup(HttpContext ctx, GraphState state, string id)
    {
        var select = GraphQuery.GroupSelect(ctx);
        RejectMembersSelect(select);
        lock (state.Gate)
        {
            if (!state.GroupsById.TryGetValue(id, out var group)) throw GraphError.NotFound(id);
            var o = GraphJson.Group(group, select);
            o.AddFirst(new JProperty("@odata.context", GraphJson.Context(GraphHttp.V1(ctx), "groups", select, entity: true)));
            return o;
        }
    }

    /// <summary>
    /// Direct members (Entra semantics) or the flattened transitive set. The type-cast segment
    /// (…/microsoft.graph.user) needs ConsistencyLevel: eventual and $count=true on transitiveMembers, as Graph demands.
    /// </summary>
    public static JObject Members(HttpContext ctx, GraphState state, string groupId, bool transitive, string cast)
    {
        // The SDK writes the cast with Graph's namespace alias (graph.user); both spellings are valid OData.
        if (cast is "graph.user" or "graph.group") cast = "microsoft." + cast;
        if (cast != null && cast is not ("microsoft.graph.user" or "microsoft.graph.group"))
            throw GraphError.BadRequest($"Resource not found for the segment '{cast}'.");
        if (cast != null && transitive && (!IsEventual(ctx) || !string.Equals(GraphHttp.Query(ctx, "count"), "true", StringComparison.OrdinalIgnoreCase)))
            throw GraphError.UnsupportedQuery("Request with a type cast on transitiveMembers needs the ConsistencyLevel: eventual header and $count=true.");
        var raw = GraphHttp.Query(ctx, "select");
        // Members are users or groups: a name valid on either type is accepted.
        var select = GraphQuery.ParseSelect(raw, n =>
        {
            var u = GraphProperties.CanonicalUserProperty(n);
            if (u != null) return u;
            lock (state.Gate) return state.ExtraUserNames.TryGetValue(n, out var x) ? x : GraphProperties.CanonicalGroupProperty(n);
        }, "microsoft.graph.directoryObject");
        lock (state.Gate)
        {
            if (!state.GroupsById.TryGetValue(groupId, out var group)) throw GraphError.NotFound(groupId);
            IEnumerable<string> ids = transitive ? Transitive(state, group) : state.EffectiveMembers(group);
            if (cast == "microsoft.graph.user") ids = ids.Where(i => !state.GroupsById.ContainsKey(i));
            if (cast == "microsoft.graph.group") ids = ids.Where(i => state.GroupsById.ContainsKey(i));
            var entitySet = "directoryObjects" + (cast == null ? "" : "/" + cast);
            // Each type keeps the selected names it has, worked out once per request (this runs under the state's lock).
            var userSelect = select?.Where(s => GraphProperties.CanonicalUserProperty(s) != null || state.ExtraUserNames.ContainsKey(s)).ToArray();
            var groupSelect = select?.Where(s => GraphProperties.CanonicalGroupProperty(s) != null).ToArray();
            return CountedPage(ctx, state, GraphQuery.After(ids.ToList(), i => i), i => i, i => GraphJson.Member(state, i, userSelect, groupSelect), GraphJson.Context(GraphHttp.V1(ctx), entitySet, select));
        }
    }

    private static List<string> Transitive(GraphState state, GraphGroup root)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<GraphGroup>(new[] { root });
        while (pending.Count > 0)
        {
            foreach (var m in state.EffectiveMembers(pending.Dequeue()))
                if (seen.Add(m) && state.GroupsById.TryGetValue(m, out var nested) && nested != root) pending.Enqueue(nested);
        }
        seen.Remove(root.Id);
        return seen.OrderBy(i => i, StringComparer.Ordinal).ToList();
    }

    private static bool IsEventual(HttpContext ctx) =>
        string.Equals(ctx.Request.Headers["ConsistencyLevel"].ToString(), "eventual", StringComparison.OrdinalIgnoreCase);

    private static void RejectMembersSelect(string[] select)
    {
        if (select != null && select.Contains("members"))
            throw GraphError.BadRequest("'members' is a navigation property: use /groups/{id}/members or $expand.");
    }

    /// <summary>A page; with $count=true (needs ConsistencyLevel: eventual) the first page carries @odata.count.</summary>
    private static JObject CountedPage<T>(HttpContext ctx, GraphState state, Func<string, IEnumerable<T>> itemsAfter, Func<T, string> key, Func<T, JObject> project, string context)
    {
        var count = GraphHttp.Query(ctx, "count");
        var wantCount = string.Equals(count, "true", StringComparison.OrdinalIgnoreCase);
        if (wantCount && !IsEventual(ctx))
            throw GraphError.UnsupportedQuery("$count requires the ConsistencyLevel header set to eventual.");
        var (page, next) = GraphQuery.Page(ctx, state, itemsAfter, key);
        var o = GraphJson.Collection(context, page.Select(project), next);
        if (wantCount && GraphHttp.Query(ctx, "skiptoken") == null) o["@odata.count"] = itemsAfter(null).Count();
        return o;
    }
}
