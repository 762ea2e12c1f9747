using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// Test control surface under /_emulator/graph/ (no auth): the HTTP twin of GraphState's mutators, for the demo
/// and for tests running the emulator as a process. Errors: 404 unknown object, 409 invalid change, 400 bad body,
/// each as {"error":"…"}.
/// </summary>
public static class GraphControlEndpoints
{
    public static void Map(WebApplication app, GraphState state)
    {
        const string root = "/_emulator/graph";
        app.MapGet(root + "/state", ctx => Json(ctx, 200, Dump(state)));
        app.MapPost(root + "/reset", ctx => Run(ctx, () => state.Reset()));
        app.MapGet(root + "/sentMail", ctx => Json(ctx, 200, new JObject { ["value"] = JArray.FromObject(state.SentMail, CamelCase) }));

        app.MapPost(root + "/users", ctx => RunWithBody(ctx, body =>
        {
            var seed = body.ToObject<GraphUserSeed>(JsonSerializer.Create(new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error }));
            var id = state.CreateUser(seed.ToUser());
            return new JObject { ["id"] = id };
        }, 201));
        app.MapMethods(root + "/users/{id}", new[] { "PATCH" }, (HttpContext ctx, string id) => RunWithBody(ctx, body =>
        {
            state.UpdateUser(id, body.Properties().ToDictionary(p => p.Name, p => p.Value));
            return null;
        }));
        app.MapPost(root + "/users/{id}/disable", (HttpContext ctx, string id) => Run(ctx, () => state.DisableUser(id)));
        app.MapPost(root + "/users/{id}/enable", (HttpContext ctx, string id) => Run(ctx, () => state.EnableUser(id)));
        app.MapPost(root + "/users/{id}/softDelete", (HttpContext ctx, string id) => Run(ctx, () => state.SoftDeleteUser(id)));
        app.MapPost(root + "/users/{id}/restore", (HttpContext ctx, string id) => Run(ctx, () => state.RestoreUser(id)));
        app.MapPost(root + "/users/{id}/purge", (HttpContext ctx, string id) => Run(ctx, () => state.PurgeUser(id)));

        app.MapPost(root + "/groups", ctx => RunWithBody(ctx, body =>
        {
            var seed = body.ToObject<GraphGroupSeed>();
            var id = state.CreateGroup(new GraphGroup
            {
                Id = seed.Id, DisplayName = seed.DisplayName, Description = seed.Description, MailNickname = seed.MailNickname,
                SecurityEnabled = seed.SecurityEnabled, MailEnabled = seed.MailEnabled,
            }, seed.Members);
            return new JObject { ["id"] = id };
        }, 201));
        app.MapMethods(root + "/groups/{id}", new[] { "PATCH" }, (HttpContext ctx, string id) => RunWithBody(ctx, body =>
        {
            foreach (var p in body.Properties()) state.UpdateGroup(id, p.Name, p.Value.ToObject<object>());
            return null;
        }));
        app.MapDelete(root + "/groups/{id}", (HttpContext ctx, string id) => Run(ctx, () => state.DeleteGroup(id)));
        app.MapPost(root + "/groups/{id}/members/{memberId}", (HttpContext ctx, string id, string memberId) => Run(ctx, () => state.AddGroupMember(id, memberId)));
        app.MapDelete(root + "/groups/{id}/members/{memberId}", (HttpContext ctx, string id, string memberId) => Run(ctx, () => state.RemoveGroupMember(id, memberId)));

        app.MapPost(root + "/assignments", ctx => RunWithBody(ctx, body =>
        {
            var id = state.Assign((string)body["principalId"], (string)body["appRoleId"] ?? GraphAppRoleAssignment.DefaultAppRoleId);
            return new JObject { ["id"] = id };
        }, 201));
        app.MapDelete(root + "/assignments/{principalId}", (HttpContext ctx, string principalId) =>
            Run(ctx, () => state.Unassign(principalId, ctx.Request.Query["appRoleId"].ToString() is { Length: > 0 } r ? r : null)));

        app.MapPost(root + "/clock/advance", ctx => RunWithBody(ctx, body =>
        {
            var by = TimeSpan.FromDays((double?)body["days"] ?? 0) + TimeSpan.FromHours((double?)body["hours"] ?? 0) + TimeSpan.FromSeconds((double?)body["seconds"] ?? 0);
            state.AdvanceClock(by);
            return new JObject { ["now"] = state.Now.UtcDateTime.ToString("o") };
        }));
        app.MapPost(root + "/delta/gone", ctx => RunWithBody(ctx, body =>
        {
            state.InjectDeltaGone((string)body["resource"], (int?)body["count"] ?? 1);
            return null;
        }));
        app.MapPost(root + "/settings", ctx => RunWithBody(ctx, body =>
        {
            if (body["deltaPageSize"] is JValue size) state.DeltaPageSize = Math.Max(1, (int)size);
            if (body["deltaMembersPageSize"] is JValue members) state.DeltaMembersPageSize = Math.Max(0, (int)members);
            if (body["deltaEmptyPages"] is JValue empty) state.DeltaEmptyPages = (bool)empty;
            if (body["deltaReplays"] is JValue replays) state.DeltaReplays = (bool)replays;
            return new JObject
            {
                ["deltaPageSize"] = state.DeltaPageSize, ["deltaMembersPageSize"] = state.DeltaMembersPageSize,
                ["deltaEmptyPages"] = state.DeltaEmptyPages, ["deltaReplays"] = state.DeltaReplays,
            };
        }));
    }

    private static readonly JsonSerializer CamelCase = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
    });

    /// <summary>Everything a test or a person debugging the demo wants to see, including hidden delete states.</summary>
    public static JObject Dump(GraphState state)
    {
        lock (state.Gate)
        {
            return new JObject
            {
                ["tenantId"] = state.TenantId,
                ["now"] = state.Now.UtcDateTime.ToString("o"),
                ["changeSequence"] = state.Seq,
                ["deltaPageSize"] = state.DeltaPageSize,
                ["deltaMembersPageSize"] = state.DeltaMembersPageSize,
                ["deltaEmptyPages"] = state.DeltaEmptyPages,
                ["deltaReplays"] = state.DeltaReplays,
                ["deletedGroups"] = new JArray(state.DeletedGroups.Keys.OrderBy(k => k, StringComparer.Ordinal)),
                ["servicePrincipal"] = GraphJson.ServicePrincipal(state.ServicePrincipal, state.TenantId),
                ["users"] = new JArray(state.UserOrder.Select(id => state.UsersById[id]).Select(u =>
                {
                    if (u.IsPurged) return new JObject { ["id"] = u.Id, ["state"] = "purged" };
                    var o = GraphJson.User(u, new[] { "id", "userPrincipalName", "mail", "givenName", "surname", "displayName", "companyName", "department", "jobTitle", "accountEnabled", "employeeId", "mailNickname" });
                    if (u.Extra != null) o["extra"] = u.Extra.DeepClone();
                    o["state"] = u.IsSoftDeleted ? "softDeleted" : "active";
                    return o;
                })),
                ["groups"] = new JArray(state.GroupOrder.Select(id => state.GroupsById[id]).Select(g =>
                {
                    var o = GraphJson.Group(g, new[] { "id", "displayName", "mailNickname", "securityEnabled" });
                    o["members"] = new JArray(state.EffectiveMembers(g));
                    return o;
                })),
                ["appRoleAssignments"] = new JArray(state.LiveAssignments().Select(a => GraphJson.Assignment(state, a))),
                ["sentMailCount"] = state.SentMail.Count,
            };
        }
    }

    private static Task Run(HttpContext ctx, Action action) => RunWithBody(ctx, _ => { action(); return null; }, readBody: false);

    private static async Task RunWithBody(HttpContext ctx, Func<JObject, JObject> action, int okStatus = 200, bool readBody = true)
    {
        JObject body = null;
        if (readBody)
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
            try
            {
                using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                body = JObject.Load(json);
            }
            catch (JsonException e)
            {
                await Json(ctx, 400, Error("The request body must be a JSON object: " + e.Message)).ConfigureAwait(false);
                return;
            }
        }
        JObject result;
        try
        {
            result = action(body);
        }
        catch (KeyNotFoundException e) { await Json(ctx, 404, Error(e.Message)).ConfigureAwait(false); return; }
        catch (InvalidOperationException e) { await Json(ctx, 409, Error(e.Message)).ConfigureAwait(false); return; }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidDataException)
        {
            await Json(ctx, 400, Error(e.Message)).ConfigureAwait(false);
            return;
        }
        await Json(ctx, okStatus, result ?? new JObject { ["ok"] = true }).ConfigureAwait(false);
    }

    private static JObject Error(string message) => new() { ["error"] = message };

    private static Task Json(HttpContext ctx, int status, JObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToString(Formatting.None));
    }
}
