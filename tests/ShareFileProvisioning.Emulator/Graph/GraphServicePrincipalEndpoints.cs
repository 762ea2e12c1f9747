using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>GET /servicePrincipals[?$filter], /servicePrincipals/{id} or (appId='…'), …/appRoleAssignedTo.</summary>
internal static class GraphServicePrincipalEndpoints
{
    private static readonly string[] Filterable = { "id", "appId", "displayName" };

    public static GraphServicePrincipal Find(GraphState state, string key, bool byAppId)
    {
        var sp = state.ServicePrincipal;
        var match = byAppId ? string.Equals(sp.AppId, key, StringComparison.OrdinalIgnoreCase) : string.Equals(sp.Id, key, StringComparison.OrdinalIgnoreCase);
        return match ? sp : throw GraphError.NotFound(key);
    }

    public static JObject List(HttpContext ctx, GraphState state)
    {
        var filter = GraphQuery.ParseFilter(GraphHttp.Query(ctx, "filter"), Filterable, "ServicePrincipal");
        var sp = state.ServicePrincipal;
        var matches = GraphQuery.Matches(filter, p => p switch { "id" => sp.Id, "appId" => sp.AppId, _ => sp.DisplayName });
        var items = matches ? new[] { GraphJson.ServicePrincipal(sp, state.TenantId) } : Array.Empty<JObject>();
        return GraphJson.Collection(GraphJson.Context(GraphHttp.V1(ctx), "servicePrincipals", null), items, null);
    }

    public static JObject Get(HttpContext ctx, GraphState state, GraphServicePrincipal sp)
    {
        var o = GraphJson.ServicePrincipal(sp, state.TenantId);
        o.AddFirst(new JProperty("@odata.context", GraphJson.Context(GraphHttp.V1(ctx), "servicePrincipals", null, entity: true)));
        return o;
    }

    /// <summary>No delta exists for assignments: clients re-list every cycle. Ordered by assignment id.</summary>
    public static JObject AppRoleAssignedTo(HttpContext ctx, GraphState state)
    {
        if (GraphHttp.Query(ctx, "filter") != null || GraphHttp.Query(ctx, "orderby") != null)
            throw GraphError.UnsupportedQuery("Unsupported query: appRoleAssignedTo supports only $top and $select in the emulator.");
        lock (state.Gate)
        {
            IEnumerable<GraphAppRoleAssignment> After(string after) =>
                GraphQuery.SortedAfter(state.Assignments, a => a.Id, after).Where(state.IsLiveAssignment);
            var (page, next) = GraphQuery.Page(ctx, state, After, a => a.Id);
            var select = SelectAssignment(GraphHttp.Query(ctx, "select"));
            var items = page.Select(a => GraphJson.Assignment(state, a, select));
            var context = GraphHttp.V1(ctx) + "$metadata#servicePrincipals('" + state.ServicePrincipal.Id + "')/appRoleAssignedTo";
            return GraphJson.Collection(context, items, next);
        }
    }

    private static string[] SelectAssignment(string raw) =>
        GraphQuery.ParseSelect(raw, n => GraphJson.AssignmentProperties.FirstOrDefault(p => string.Equals(p, n, StringComparison.OrdinalIgnoreCase)), "microsoft.graph.appRoleAssignment");
}
