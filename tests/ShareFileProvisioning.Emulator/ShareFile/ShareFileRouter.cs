using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>What a route handler gets: the verified caller, the parsed body and a writer bound to the request.</summary>
internal sealed class SfRequest
{
    public HttpContext Http { get; init; }
    public ShareFileState State { get; init; }
    public string CallerId { get; init; }
    public string Id { get; init; }
    public JToken Body { get; init; }
    public ODataWriter Writer { get; init; }

    public JToken RequireBody(string what) =>
        Body ?? throw ShareFileApiException.BadRequest($"{what}: a JSON request body is required.");

    public bool QueryBool(string name)
    {
        var raw = (string)Http.Request.Query[name];
        if (string.IsNullOrEmpty(raw)) return false;
        if (bool.TryParse(raw, out var b)) return b;
        throw ShareFileApiException.BadRequest($"Query parameter '{name}' must be true or false.");
    }

    /// <summary>A query value, or null when it is absent or empty: an empty value means "not given" on every route.</summary>
    public string Query(string name) => (string)Http.Request.Query[name] is { Length: > 0 } v ? v : null;
}

/// <summary>A handler's answer: 200 with a body, or 204 when Body is null.</summary>
internal readonly record struct SfResponse(JToken Body)
{
    public static readonly SfResponse NoContent = new(null);
}

/// <summary>
/// The /sf/v3 route table. Hand-rolled rather than ASP.NET routing because X-Http-Method-Override must be applied
/// before matching, and the request log needs the same route names even for requests that faults cut short.
/// </summary>
internal static class ShareFileRouter
{
    public const string ApiPrefix = "/sf/v3/";

    internal sealed record Route(string Method, Regex Pattern, string Template, Func<SfRequest, SfResponse> Handler);

    private static readonly Route[] Routes = ShareFileHandlers.Routes().ToArray();

    internal static Route Define(string method, string template, Func<SfRequest, SfResponse> handler)
    {
        // "Users(id)/Roles" → ^Users\((?<id>[^()/]+)\)/Roles$
        var pattern = "^" + Regex.Escape(template).Replace(@"\(id\)", @"\((?<id>[^()/]+)\)") + "$";
        return new Route(method, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), template, handler);
    }

    /// <summary>
    /// POST + X-Http-Method-Override (header name any case) is handled as GET, PATCH, PUT or DELETE: the .NET SDK's
    /// UseHttpMethodOverride sends every call, reads included, that way, so a POST with a GET override is a read.
    /// </summary>
    public static string EffectiveMethod(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return request.Method.ToUpperInvariant();
        var over = ((string)request.Headers["X-Http-Method-Override"])?.Trim().ToUpperInvariant();
        return over is "GET" or "PATCH" or "PUT" or "DELETE" ? over : "POST";
    }

    /// <summary>Relative path after /sf/v3/, or null when the path is not under it.</summary>
    public static string Relative(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.Equals("/sf/v3", StringComparison.OrdinalIgnoreCase)) return string.Empty;
        return value.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase) ? value.Substring(ApiPrefix.Length).TrimEnd('/') : null;
    }

    public static (Route Route, Match Match, bool PathKnown) Find(string method, string relative)
    {
        var pathKnown = false;
        foreach (var r in Routes)
        {
            var m = r.Pattern.Match(relative);
            if (!m.Success) continue;
            pathKnown = true;
            if (r.Method == method) return (r, m, true);
        }
        return (null, null, pathKnown);
    }

    /// <summary>Request-log name, e.g. "GET /sf/v3/Users(id)" or "GET /sf/v3/Users?emailaddress="; null if not ShareFile.</summary>
    public static string Describe(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals("/oauth/token", StringComparison.OrdinalIgnoreCase)) return request.Method.ToUpperInvariant() + " /oauth/token";
        var relative = Relative(request.Path);
        if (relative == null) return null;
        var method = EffectiveMethod(request);
        var (route, _, _) = Find(method, relative);
        var name = route?.Template ?? relative;
        if (route != null && route.Template == "Users" && method == "GET")
        {
            if (!string.IsNullOrEmpty(request.Query["emailaddress"])) name = "Users?emailaddress=";
            else if (!string.IsNullOrEmpty(request.Query["id"])) name = "Users?id=";
        }
        return method + " " + ApiPrefix + name;
    }

    internal static IEnumerable<string> Templates() => Routes.Select(r => r.Method + " " + r.Template);
}
