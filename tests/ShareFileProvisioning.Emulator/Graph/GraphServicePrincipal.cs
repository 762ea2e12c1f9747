using System.Collections.Generic;
using Newtonsoft.Json;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>The enterprise application (service principal) whose assignments define provisioning scope.</summary>
public sealed class GraphServicePrincipal
{
    public string Id { get; set; }
    public string AppId { get; set; }
    public string DisplayName { get; set; }
    public List<GraphAppRole> AppRoles { get; set; } = new();
}

public sealed class GraphAppRole
{
    public string Id { get; set; }
    public string DisplayName { get; set; }
    public string Description { get; set; }
    public string Value { get; set; }
    public bool IsEnabled { get; set; } = true;

    /// <summary>
    /// Entra's values: "User" (users and groups) and "Application" (service principals); the emulator adds "Group"
    /// (groups only) to model a role users cannot get. A seed's list replaces the default, never appends to it.
    /// </summary>
    [JsonProperty(ObjectCreationHandling = ObjectCreationHandling.Replace)]
    public List<string> AllowedMemberTypes { get; set; } = new() { "User" };

    internal static readonly string[] MemberTypes = { "User", "Group", "Application" };

    /// <summary>Whether a principal of this type (User or Group) may be assigned this role, as Entra decides it.</summary>
    internal bool Allows(string principalType) => principalType == "Group"
        ? AllowedMemberTypes.Exists(t => t is "User" or "Group")
        : AllowedMemberTypes.Contains(principalType);
}

/// <summary>appRoleAssignment: a user or group assigned to the service principal (all-zero appRoleId = default access).</summary>
public sealed class GraphAppRoleAssignment
{
    public const string DefaultAppRoleId = "00000000-0000-0000-0000-000000000000";

    public string Id { get; set; }
    public string PrincipalId { get; set; }
    public string PrincipalType { get; set; }
    public string AppRoleId { get; set; } = DefaultAppRoleId;
    public string CreatedDateTime { get; set; }
}

/// <summary>An app registration that may use the client-credentials token endpoint.</summary>
public sealed class GraphAppCredential
{
    public string ClientId { get; set; }
    public string ClientSecret { get; set; }
    public List<string> Roles { get; set; }

    public override string ToString() => $"App {ClientId}";
}

/// <summary>A bearer token with an explicit permission set (tokens not listed get every permission).</summary>
public sealed class GraphTokenGrant
{
    public string Token { get; set; }
    public List<string> Roles { get; set; } = new();

    public override string ToString() => $"Token with roles {string.Join(",", Roles)}";
}

/// <summary>App Service style managed identity endpoint settings.</summary>
public sealed class GraphManagedIdentity
{
    public string IdentityHeader { get; set; }
    public string ClientId { get; set; }
    public List<string> Roles { get; set; }

    public override string ToString() => $"Managed identity {ClientId}";
}

/// <summary>One recorded POST /users/{id}/sendMail call.</summary>
public sealed class GraphSentMail
{
    public string UserId { get; set; }
    public string ReceivedDateTime { get; set; }
    /// <summary>The request body as sent (JSON text).</summary>
    public string Body { get; set; }
}
