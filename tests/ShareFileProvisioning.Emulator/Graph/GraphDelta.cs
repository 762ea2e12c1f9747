using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// GET /users/delta and /groups/delta. A round starts at the initial call (or a deltaLink), pages through the
/// objects in id order with nextLinks, and ends with a deltaLink whose token remembers where the round began,
/// so the next round reports every change with a later sequence (changes during a round are replayed next time,
/// as Graph does).
/// </summary>
internal static class GraphDelta
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);
    private const int MaxFilterIds = 50;
    private static readonly string[] Unsupported = { "top", "expand", "orderby", "search", "skip", "count" };

    public static JObject Handle(HttpContext ctx, GraphState state, string kind)
    {
        foreach (var option in Unsupported)
            if (GraphHttp.Query(ctx, option) != null)
                throw GraphError.BadRequest($"Unsupported query option '${option}' for delta on '{kind}'.");

        var skipToken = GraphHttp.Query(ctx, "skiptoken");
        var deltaToken = GraphHttp.Query(ctx, "deltatoken");
        var v1 = GraphHttp.V1(ctx);
        lock (state.Gate)
        {
            var now = state.Now;
            GraphDeltaToken token;
            if (string.Equals(deltaToken, "latest", StringComparison.OrdinalIgnoreCase) && skipToken == null)
            {
                // "Sync from now": no objects, only a deltaLink for later changes.
                var latest = new GraphDeltaToken
                {
                    Epoch = state.Epoch, Kind = kind, Select = Select(ctx, state, kind), FilterIds = FilterIds(ctx),
                    Since = state.Seq, Snapshot = state.Seq, ReplayFrom = state.Seq, IssuedUnix = now.ToUnixTimeSeconds(),
                };
                return Response(v1, kind, latest.Select, new List<JObject>(), null, latest);
            }
            if (skipToken != null || deltaToken != null)
            {
                token = GraphDeltaToken.TryDecode(skipToken ?? deltaToken);
                if (token == null || token.Epoch != state.Epoch || token.Kind != kind || token.IsNext != (skipToken != null))
                    throw new GraphError(400, "syncStateNotFound", "The delta token is not valid or its sync state was not found. Start a new sync with the initial delta request.");
                if (now - DateTimeOffset.FromUnixTimeSeconds(token.IssuedUnix) > TokenLifetime)
                    throw new GraphError(400, "syncStateNotFound", "The delta token has expired (older than 7 days). Start a new sync with the initial delta request.");
                if (state.DeltaGoneCountdown.TryGetValue(kind, out var gone) && gone > 0)
                {
                    state.DeltaGoneCountdown[kind] = gone - 1;
                    var error = new GraphError(410, "resyncRequired", "Resync required: the delta state is gone. Restart from the initial delta request in the Location header.");
                    var select = token.Select?.Where(s => s != "id").ToList();
                    error.Headers["Location"] = v1 + kind + "/delta" + (select is { Count: > 0 } ? "?$select=" + string.Join(",", select) : "");
                    throw error;
                }
                if (!token.IsNext)
                {
                    // A deltaLink starts a new round from where the last one began (with replays: where the one before began).
                    token = new GraphDeltaToken
                    {
                        Epoch = state.Epoch, Kind = kind, Select = token.Select, FilterIds = token.FilterIds,
                        Since = state.DeltaReplays ? Math.Min(token.ReplayFrom, token.Since) : token.Since, NormalSince = token.Since,
                        Snapshot = state.Seq, IssuedUnix = now.ToUnixTimeSeconds(),
                    };
                }
            }
            else
            {
                token = new GraphDeltaToken
                {
                    Epoch = state.Epoch, Kind = kind, Select = Select(ctx, state, kind), FilterIds = FilterIds(ctx),
                    Initial = true, Since = 0, Snapshot = state.Seq, IssuedUnix = now.ToUnixTimeSeconds(),
                };
            }

            if (state.DeltaEmptyPages && !token.EmptyServed)
            {
                // Real delta sends pages with no objects that still carry a nextLink; the client must follow them.
                var same = Continue(token, token.After, token.ResumeId, token.ResumeOffset);
                same.EmptyServed = true;
                return Response(v1, kind, token.Select, new List<JObject>(), same, null);
            }
            var (items, next) = kind == "users" ? UserPage(state, token) : GroupPage(state, token);
            if (next != null) return Response(v1, kind, token.Select, items, next, null);
            var final = new GraphDeltaToken
            {
                Epoch = state.Epoch, Kind = kind, Select = token.Select, FilterIds = token.FilterIds,
                Since = token.Snapshot, Snapshot = token.Snapshot, ReplayFrom = token.NormalSince, IssuedUnix = now.ToUnixTimeSeconds(),
            };
            return Response(v1, kind, token.Select, items, null, final);
        }
    }

    private static JObject Response(string v1, string kind, string[] select, List<JObject> items, GraphDeltaToken next, GraphDeltaToken delta)
    {
        var o = new JObject { ["@odata.context"] = GraphJson.Context(v1, kind, select) };
        if (next != null) { next.IsNext = true; o["@odata.nextLink"] = v1 + kind + "/delta?$skiptoken=" + next.Encode(); }
        if (delta != null) { delta.IsNext = false; o["@odata.deltaLink"] = v1 + kind + "/delta?$deltatoken=" + delta.Encode(); }
        o["value"] = new JArray(items);
        return o;
    }

    private static string[] Select(HttpContext ctx, GraphState state, string kind) =>
        kind == "users" ? GraphQuery.UserSelect(ctx, state) : GraphQuery.GroupSelect(ctx);

    /// <summary>Delta accepts only `id eq '…' or id eq '…'` (at most 50).</summary>
    private static string[] FilterIds(HttpContext ctx)
    {
        var raw = GraphHttp.Query(ctx, "filter");
        if (raw == null) return null;
        if (System.Text.RegularExpressions.Regex.IsMatch(raw, @"\sin\s*\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            throw GraphError.UnsupportedQuery("Delta $filter supports only 'id eq' clauses joined by 'or'.");
        var filter = GraphQuery.ParseFilter(raw, new[] { "id" }, "delta");
        var ids = filter.SelectMany(c => c.Values).Select(v => v.ToLowerInvariant()).Distinct().ToArray();
        if (ids.Length > MaxFilterIds) throw GraphError.UnsupportedQuery($"Delta $filter accepts at most {MaxFilterIds} ids; {ids.Length} given.");
        return ids;
    }

    /// <summary>Object ids after the cursor, in ordinal order (the id filter, if any, narrows them).</summary>
    private static IEnumerable<string> IdsAfter(List<string> order, string[] filterIds, string after)
    {
        if (filterIds != null)
            return filterIds.OrderBy(i => i, StringComparer.Ordinal).Where(i => after == null || string.CompareOrdinal(i, after) > 0);
        return GraphQuery.SortedAfter(order, i => i, after);
    }

    private static JObject Removed(string id, string reason) =>
        new() { ["id"] = id, ["@removed"] = new JObject { ["reason"] = reason } };

    // ---------- users ----------

    private static (List<JObject>, GraphDeltaToken) UserPage(GraphState state, GraphDeltaToken token)
    {
        var items = new List<JObject>();
        string last = null;
        foreach (var id in IdsAfter(state.UserOrder, token.FilterIds, token.After))
        {
            if (!state.UsersById.TryGetValue(id, out var user)) continue;
            var entry = UserEntry(user, token);
            if (entry == null) continue;
            if (items.Count == state.DeltaPageSize) return (items, Continue(token, last, null, 0));
            items.Add(entry);
            last = id;
        }
        return (items, null);
    }

    private static JObject UserEntry(GraphUser user, GraphDeltaToken token)
    {
        if (token.Initial) return user.IsPurged || user.IsSoftDeleted ? null : GraphJson.User(user, token.Select);
        var since = token.Since;
        if (user.IsPurged) return user.StateSeq > since ? Removed(user.Id, "deleted") : null;
        if (user.IsSoftDeleted) return user.StateSeq > since ? Removed(user.Id, "changed") : null;
        var changed = user.CreatedSeq > since || user.StateSeq > since
            || (user.PropertySeq != null && (token.Select ?? GraphProperties.DefaultUser).Any(p => user.PropertySeq.TryGetValue(p, out var s) && s > since));
        return changed ? GraphJson.User(user, token.Select) : null;
    }

    // ---------- groups ----------

    private static (List<JObject>, GraphDeltaToken) GroupPage(GraphState state, GraphDeltaToken token)
    {
        var items = new List<JObject>();
        string last = token.After;
        // members@delta entries left on this page: a group that does not fit is split over pages, as Graph does.
        var budget = state.DeltaMembersPageSize > 0 ? state.DeltaMembersPageSize : int.MaxValue;
        var order = state.DeletedGroups.Count == 0 ? state.GroupOrder
            : state.GroupOrder.Concat(state.DeletedGroups.Keys).OrderBy(i => i, StringComparer.Ordinal).ToList();
        var queue = IdsAfter(order, token.FilterIds, token.ResumeId ?? token.After);
        if (token.ResumeId != null) queue = queue.Prepend(token.ResumeId);
        foreach (var id in queue)
        {
            if (!state.GroupsById.TryGetValue(id, out var group))
            {
                if (token.Initial || !state.DeletedGroups.TryGetValue(id, out var deletedSeq) || deletedSeq <= token.Since) continue;
                if (items.Count == state.DeltaPageSize) return (items, Continue(token, last, null, 0));
                items.Add(Removed(id, "deleted"));
                last = id;
                continue;
            }
            var offset = id == token.ResumeId ? token.ResumeOffset : 0;
            var members = MemberEntries(state, group, token);
            if (!Changed(group, token, members)) continue;
            if (items.Count == state.DeltaPageSize || (budget == 0 && members is { Count: > 0 }))
                return (items, Continue(token, last, null, 0));
            var o = GraphJson.Group(group, token.Select);
            if (members is { Count: > 0 })
            {
                var take = Math.Min(members.Count - offset, budget);
                o["members@delta"] = new JArray(members.Skip(offset).Take(take));
                budget -= take;
                if (offset + take < members.Count)
                {
                    items.Add(o);
                    return (items, Continue(token, last, id, offset + take));
                }
            }
            items.Add(o);
            last = id;
        }
        return (items, null);
    }

    /// <summary>members@delta for this round: all members if the group is new to the client, else the changes since.</summary>
    private static List<JObject> MemberEntries(GraphState state, GraphGroup group, GraphDeltaToken token)
    {
        if (token.Select != null && !token.Select.Contains("members")) return null;
        if (token.Initial || group.CreatedSeq > token.Since)
            return state.EffectiveMembers(group).Select(m => MemberRef(state, m, removed: false)).ToList();
        if (group.MemberChanges == null) return new List<JObject>();
        return group.MemberChanges
            .Where(c => c.Value.Seq > token.Since)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => MemberRef(state, c.Key, removed: !(c.Value.Present && (state.IsLiveUser(c.Key) || state.GroupsById.ContainsKey(c.Key)))))
            .ToList();
    }

    private static bool Changed(GraphGroup group, GraphDeltaToken token, List<JObject> members) =>
        token.Initial || group.CreatedSeq > token.Since || members is { Count: > 0 }
        || (group.PropertySeq != null && (token.Select ?? GraphProperties.DefaultGroup).Any(p => group.PropertySeq.TryGetValue(p, out var s) && s > token.Since));

    private static JObject MemberRef(GraphState state, string id, bool removed)
    {
        var o = new JObject { ["@odata.type"] = state.ODataTypeOf(id), ["id"] = id };
        if (removed) o["@removed"] = new JObject { ["reason"] = "deleted" };
        return o;
    }

    private static GraphDeltaToken Continue(GraphDeltaToken token, string after, string resumeId, int resumeOffset) => new()
    {
        Epoch = token.Epoch, Kind = token.Kind, Select = token.Select, FilterIds = token.FilterIds, Initial = token.Initial,
        Since = token.Since, NormalSince = token.NormalSince, Snapshot = token.Snapshot, IssuedUnix = token.IssuedUnix,
        After = after, ResumeId = resumeId, ResumeOffset = resumeOffset,
    };
}
