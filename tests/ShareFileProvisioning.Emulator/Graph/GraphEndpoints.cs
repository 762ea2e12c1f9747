using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// /v1.0/… routes (Microsoft Graph), the Entra token endpoints and /_emulator/graph/ control.
/// One catch-all route with our own dispatcher: Graph paths such as servicePrincipals(appId='…') and
/// users/delta() do not fit ASP.NET route templates well.
/// </summary>
public static class GraphEndpoints
{
    private static readonly Regex ByAppId = new(@"^servicePrincipals\(appId='([^']*)'\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Map(WebApplication app, GraphState state)
    {
        app.Map("/v1.0/{**path}", ctx => Handle(ctx, state));
        GraphTokenEndpoints.Map(app, state);
        GraphControlEndpoints.Map(app, state);
    }

    private static async Task Handle(HttpContext ctx, GraphState state)
    {
        GraphHttp.StampRequestIds(ctx);
        try
        {
            var token = GraphHttp.RequireBearer(ctx);
            var path = ctx.Request.Path.Value!.Substring("/v1.0/".Length).TrimEnd('/');
            var segments = path.Split('/');
            if (segments.Length == 1 && segments[0] == "$batch")
            {
                RequireMethod(ctx, "POST");
                var responses = await GraphBatch.Handle(ctx).ConfigureAwait(false);
                await GraphHttp.WriteJson(ctx, 200, responses).ConfigureAwait(false);
                return;
            }
            if (segments.Length == 3 && segments[0] == "users" && segments[2] == "sendMail")
            {
                RequireMethod(ctx, "POST");
                GraphHttp.RequirePermission(state, token, GraphHttp.Permissions.MailSend);
                await SendMail(ctx, state, segments[1]).ConfigureAwait(false);
                return;
            }
            RequireMethod(ctx, "GET");
            var body = Route(ctx, state, token, segments);
            await GraphHttp.WriteJson(ctx, 200, body).ConfigureAwait(false);
        }
        catch (GraphError e)
        {
            await GraphHttp.WriteError(ctx, e, state.Now).ConfigureAwait(false);
        }
    }

    private static void RequireMethod(HttpContext ctx, string method)
    {
        if (!string.Equals(ctx.Request.Method, method, StringComparison.OrdinalIgnoreCase))
            throw new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }

    private static JObject Route(HttpContext ctx, GraphState state, string token, string[] s)
    {
        var head = s[0];
        var appId = ByAppId.Match(head);
        if (appId.Success || head == "servicePrincipals")
        {
            GraphHttp.RequirePermission(state, token, GraphHttp.Permissions.Application);
            if (head == "servicePrincipals" && s.Length == 1) return GraphServicePrincipalEndpoints.List(ctx, state);
            var spKey = appId.Success ? appId.Groups[1].Value : s[1];
            var rest = appId.Success ? s.Skip(1).ToArray() : s.Skip(2).ToArray();
            var sp = GraphServicePrincipalEndpoints.Find(state, spKey, byAppId: appId.Success);
            if (rest.Length == 0) return GraphServicePrincipalEndpoints.Get(ctx, state, sp);
            if (rest.Length == 1 && rest[0] == "appRoleAssignedTo") return GraphServicePrincipalEndpoints.AppRoleAssignedTo(ctx, state);
        }
        else if (head == "users")
        {
            GraphHttp.RequirePermission(state, token, GraphHttp.Permissions.User);
            if (s.Length == 1) return GraphDirectoryEndpoints.ListUsers(ctx, state);
            if (s.Length == 2 && s[1] is "delta" or "delta()") return GraphDelta.Handle(ctx, state, "users");
            if (s.Length == 2) return GraphDirectoryEndpoints.GetUser(ctx, state, s[1]);
        }
        else if (head == "directory" && s.Length == 3 && s[1] == "deletedItems" && s[2] is "microsoft.graph.user" or "graph.user")
        {
            GraphHttp.RequirePermission(state, token, GraphHttp.Permissions.User);
            return GraphDirectoryEndpoints.ListDeletedUsers(ctx, state);
        }
        else if (head == "groups")
        {
            GraphHttp.RequirePermission(state, token, GraphHttp.Permissions.Group);
            if (s.Length == 1) return GraphDirectoryEndpoints.ListGroups(ctx, state);
            if (s.Length == 2 && s[1] is "delta" or "delta()") return GraphDelta.Handle(ctx, state, "groups");
            if (s.Length == 2) return GraphDirectoryEndpoints.GetGroup(ctx, state, s[1]);
            if (s.Length is 3 or 4 && s[2] is "members" or "transitiveMembers")
                return GraphDirectoryEndpoints.Members(ctx, state, s[1], transitive: s[2] == "transitiveMembers", cast: s.Length == 4 ? s[3] : null);
        }
        throw GraphError.BadRequest($"Resource not found for the segment '{s[s.Length - 1]}'.");
    }

    private static async Task SendMail(HttpContext ctx, GraphState state, string userKey)
    {
        string userId;
        lock (state.Gate) userId = state.LiveUser(userKey)?.Id ?? throw GraphError.NotFound(userKey);
        string text;
        using (var reader = new StreamReader(ctx.Request.Body))
            text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        JObject body;
        try { body = JObject.Parse(text); }
        catch (Newtonsoft.Json.JsonException) { throw new GraphError(400, "ErrorInvalidRequest", "The request body is not valid JSON."); }
        // The SDK sends the action parameters as "Message"/"SaveToSentItems"; Graph matches them case-insensitively.
        if (body.GetValue("message", StringComparison.OrdinalIgnoreCase) is not JObject message)
            throw new GraphError(400, "ErrorInvalidRequest", "The 'message' parameter is missing in the request body.");
        bool Any(string name) => message.GetValue(name, StringComparison.OrdinalIgnoreCase) is JArray { Count: > 0 };
        if (!Any("toRecipients") && !Any("ccRecipients") && !Any("bccRecipients"))
            throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is required.");
        state.RecordSentMail(new GraphSentMail { UserId = userId, ReceivedDateTime = state.Stamp(), Body = text });
        ctx.Response.StatusCode = 202;
    }
}
