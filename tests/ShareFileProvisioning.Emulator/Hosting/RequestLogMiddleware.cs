using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>
/// Counts every non-control request by "METHOD route-template" before faults run, so throttled and dropped
/// attempts are counted too (tests use the counts to prove retries and request economy). Steps inside a Graph $batch
/// are counted apart, e.g. "GET /v1.0/groups/{id}/members in $batch".
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, EmulatorControl control)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        // A $batch step is logged under its own route plus " in $batch" and is not a request on the wire (not in the total).
        if (Graph.GraphBatch.IsStep(context)) control.RecordStep(Describe(context, path) + " in $batch");
        else if (!ControlEndpoints.IsControlPath(path)) control.Record(Describe(context, path));
        return next(context);
    }

    private static string Describe(HttpContext context, string path)
    {
        var shareFile = ShareFileRouter.Describe(context);
        if (shareFile != null) return shareFile;
        // Graph routes share one catch-all endpoint: name them by their path with ids folded, e.g.
        // "GET /v1.0/servicePrincipals/{id}/appRoleAssignedTo", "GET /v1.0/users/delta".
        if (path.StartsWith("/v1.0/", System.StringComparison.OrdinalIgnoreCase)) return context.Request.Method + " " + GraphRoute(path);
        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.RawText != null)
        {
            var template = endpoint.RoutePattern.RawText;
            return context.Request.Method + " " + (template.StartsWith('/') ? template : "/" + template);
        }
        return context.Request.Method + " " + path;
    }

    private static readonly System.Text.RegularExpressions.Regex GraphId = new(
        @"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[^/]+@[^/]+|\([^)]*\))(?=/|$)",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    public static string GraphRoute(string path) => GraphId.Replace(path.Replace("delta()", "delta"), "{id}");
}
