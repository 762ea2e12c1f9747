using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>A request that must end with a Graph error response (thrown by handlers, written by the dispatcher).</summary>
internal sealed class GraphError : Exception
{
    public GraphError(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public string Code { get; }
    /// <summary>Extra response headers, e.g. Location on 410 Gone.</summary>
    public Dictionary<string, string> Headers { get; } = new();

    public static GraphError BadRequest(string message) => new(400, "BadRequest", message);
    public static GraphError UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);
    public static GraphError NotFound(string id) =>
        new(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}

/// <summary>Graph wire conventions: query names, JSON responses, error bodies, bearer auth and permissions.</summary>
internal static class GraphHttp
{
    /// <summary>What Graph itself answers; Kiota only looks at the media type before ';'.</summary>
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <summary>ASP.NET decodes %24select to $select; names are case-insensitive like Graph's.</summary>
    public static string Query(HttpContext ctx, string name)
    {
        foreach (var pair in ctx.Request.Query)
            if (string.Equals(pair.Key, "$" + name, StringComparison.OrdinalIgnoreCase)) return pair.Value.ToString();
        return null;
    }

    public static string Origin(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    public static string V1(HttpContext ctx) => Origin(ctx) + "/v1.0/";

    /// <summary>The current URL with $skiptoken replaced: Graph keeps the caller's query options in nextLinks.</summary>
    public static string NextLink(HttpContext ctx, string skipToken)
    {
        var parts = ctx.Request.Query
            .Where(p => !string.Equals(p.Key, "$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value.ToString()))
            .Append("$skiptoken=" + skipToken);
        return Origin(ctx) + ctx.Request.Path + "?" + string.Join("&", parts);
    }

    public static Task WriteJson(HttpContext ctx, int status, JObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = JsonContentType;
        return ctx.Response.WriteAsync(body.ToString(Formatting.None), Encoding.UTF8);
    }

    public static Task WriteError(HttpContext ctx, GraphError error, DateTimeOffset now)
    {
        foreach (var h in error.Headers) ctx.Response.Headers[h.Key] = h.Value;
        var body = new JObject
        {
            ["error"] = new JObject
            {
                ["code"] = error.Code,
                ["message"] = error.Message,
                ["innerError"] = new JObject
                {
                    ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = ctx.Response.Headers["request-id"].ToString(),
                    ["client-request-id"] = ctx.Response.Headers["client-request-id"].ToString(),
                },
            },
        };
        return WriteJson(ctx, error.Status, body);
    }

    /// <summary>Graph echoes client-request-id and adds its own request-id to every answer.</summary>
    public static void StampRequestIds(HttpContext ctx)
    {
        var clientRequestId = ctx.Request.Headers["client-request-id"].ToString();
        var requestId = Guid.NewGuid().ToString();
        ctx.Response.Headers["request-id"] = requestId;
        ctx.Response.Headers["client-request-id"] = string.IsNullOrEmpty(clientRequestId) ? requestId : clientRequestId;
    }

    /// <summary>The bearer token, or a 401 InvalidAuthenticationToken.</summary>
    public static string RequireBearer(HttpContext ctx)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7 || string.IsNullOrWhiteSpace(header.Substring(7)))
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure: the Authorization header must use the Bearer scheme.");
        return header.Substring(7).Trim();
    }

    /// <summary>
    /// 403 unless the token holds one of <paramref name="accepted"/>. Emulator decision: the message names the
    /// least-privileged permission so a client can tell the operator which one to grant.
    /// </summary>
    public static void RequirePermission(GraphState state, string token, params string[] accepted)
    {
        bool ok;
        lock (state.Gate) ok = state.TokenHasAny(token, accepted);
        if (!ok)
            throw new GraphError(403, "Authorization_RequestDenied",
                $"Insufficient privileges to complete the operation. Required permission: {accepted[0]}.");
    }

    public static class Permissions
    {
        public static readonly string[] Application = { "Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };
        public static readonly string[] User = { "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };
        public static readonly string[] Group = { "GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };
        public static readonly string[] MailSend = { "Mail.Send" };
    }
}
