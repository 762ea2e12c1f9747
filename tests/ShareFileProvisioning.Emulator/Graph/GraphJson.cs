using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>How each directory object looks on the wire (call under the state lock).</summary>
internal static class GraphJson
{
    public static JObject User(GraphUser user, string[] select)
    {
        var o = new JObject();
        foreach (var name in select ?? GraphProperties.DefaultUser)
            if (name != "manager") o[name] = user.Get(name);
        return o;
    }

    public static JObject Group(GraphGroup group, string[] select)
    {
        var o = new JObject();
        foreach (var name in select ?? GraphProperties.DefaultGroup)
            if (name != "members") o[name] = group.Get(name);
        return o;
    }

    /// <summary>
    /// A member of a directoryObject collection: typed so Kiota builds User or Group instances. Each type gets the
    /// selected names it has (worked out once per request by the caller).
    /// </summary>
    public static JObject Member(GraphState state, string id, string[] userSelect, string[] groupSelect)
    {
        var o = state.GroupsById.TryGetValue(id, out var g) ? Group(g, groupSelect) : User(state.UsersById[id], userSelect);
        o.AddFirst(new JProperty("@odata.type", state.ODataTypeOf(id)));
        return o;
    }

    public static readonly string[] AssignmentProperties =
        { "id", "deletedDateTime", "appRoleId", "createdDateTime", "principalDisplayName", "principalId", "principalType", "resourceDisplayName", "resourceId" };

    /// <summary>An appRoleAssignment with the selected properties only (all when <paramref name="select"/> is null).</summary>
    public static JObject Assignment(GraphState state, GraphAppRoleAssignment a, IEnumerable<string> select = null)
    {
        var o = new JObject();
        foreach (var name in select ?? AssignmentProperties) o[name] = AssignmentProperty(state, a, name);
        return o;
    }

    private static JToken AssignmentProperty(GraphState state, GraphAppRoleAssignment a, string name) => name switch
    {
        "id" => a.Id,
        "appRoleId" => a.AppRoleId,
        "createdDateTime" => a.CreatedDateTime,
        "principalDisplayName" => state.PrincipalDisplayName(a),
        "principalId" => a.PrincipalId,
        "principalType" => a.PrincipalType,
        "resourceDisplayName" => state.ServicePrincipal.DisplayName,
        "resourceId" => state.ServicePrincipal.Id,
        _ => JValue.CreateNull(),
    };

    public static JObject ServicePrincipal(GraphServicePrincipal sp, string tenantId) => new()
    {
        ["id"] = sp.Id,
        ["accountEnabled"] = true,
        ["appDisplayName"] = sp.DisplayName,
        ["appId"] = sp.AppId,
        ["appOwnerOrganizationId"] = tenantId,
        ["appRoleAssignmentRequired"] = true,
        ["displayName"] = sp.DisplayName,
        ["servicePrincipalType"] = "Application",
        ["tags"] = new JArray("WindowsAzureActiveDirectoryIntegratedApp"),
        ["appRoles"] = new JArray(sp.AppRoles.Select(r => new JObject
        {
            ["allowedMemberTypes"] = new JArray(r.AllowedMemberTypes),
            ["description"] = r.Description ?? r.DisplayName,
            ["displayName"] = r.DisplayName,
            ["id"] = r.Id,
            ["isEnabled"] = r.IsEnabled,
            ["origin"] = "Application",
            ["value"] = r.Value,
        })),
    };

    /// <summary>{origin}/v1.0/$metadata#users(displayName,mail) — Graph lists the selection without id.</summary>
    public static string Context(string v1, string entitySet, IEnumerable<string> select, bool entity = false)
    {
        var names = select?.Where(s => s != "id").ToList();
        var suffix = names is { Count: > 0 } ? "(" + string.Join(",", names) + ")" : "";
        return v1 + "$metadata#" + entitySet + suffix + (entity ? "/$entity" : "");
    }

    public static JObject Collection(string context, IEnumerable<JObject> items, string nextLink)
    {
        var o = new JObject { ["@odata.context"] = context };
        if (nextLink != null) o["@odata.nextLink"] = nextLink;
        o["value"] = new JArray(items);
        return o;
    }
}
