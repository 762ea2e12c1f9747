using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>The seed file shape (seeds/GRAPH-SEED.md documents it).</summary>
public sealed class GraphSeed
{
    public string TenantId { get; set; }
    public List<GraphUserSeed> Users { get; set; } = new();
    public List<GraphGroupSeed> Groups { get; set; } = new();
    public GraphServicePrincipal ServicePrincipal { get; set; }
    public List<GraphAssignmentSeed> AppRoleAssignments { get; set; } = new();
    public List<GraphAppCredential> Apps { get; set; } = new();
    public List<GraphTokenGrant> Tokens { get; set; } = new();
    public GraphManagedIdentity ManagedIdentity { get; set; }
    /// <summary>Objects per delta page (Graph's server-side page size; $top is not allowed on delta).</summary>
    public int DeltaPageSize { get; set; } = 100;
    /// <summary>Most members@delta entries per page before a group is split over pages (0 = never split).</summary>
    public int DeltaMembersPageSize { get; set; }
    /// <summary>Every delta page with changes is preceded by an empty page that carries only a nextLink (real delta does this).</summary>
    public bool DeltaEmptyPages { get; set; }
    /// <summary>Each delta round also reports again the changes of the round before (real delta replays changes).</summary>
    public bool DeltaReplays { get; set; }
}

public sealed class GraphUserSeed
{
    public string Id { get; set; }
    public string UserPrincipalName { get; set; }
    public string Mail { get; set; }
    public string GivenName { get; set; }
    public string Surname { get; set; }
    public string DisplayName { get; set; }
    public string CompanyName { get; set; }
    public string Department { get; set; }
    public string JobTitle { get; set; }
    public bool AccountEnabled { get; set; } = true;
    public string EmployeeId { get; set; }
    public string MailNickname { get; set; }
    /// <summary>Further Graph user attributes (camelCase), e.g. mobilePhone, city, onPremisesExtensionAttributes.</summary>
    public JObject Extra { get; set; }

    internal GraphUser ToUser() => new()
    {
        Id = Id, UserPrincipalName = UserPrincipalName, Mail = Mail, GivenName = GivenName, Surname = Surname,
        DisplayName = DisplayName, CompanyName = CompanyName, Department = Department, JobTitle = JobTitle,
        AccountEnabled = AccountEnabled, EmployeeId = EmployeeId, MailNickname = MailNickname,
        Extra = (JObject)Extra?.DeepClone(),
    };
}

public sealed class GraphGroupSeed
{
    public string Id { get; set; }
    public string DisplayName { get; set; }
    public string Description { get; set; }
    public string MailNickname { get; set; }
    public bool SecurityEnabled { get; set; } = true;
    public bool MailEnabled { get; set; }
    /// <summary>Ids of direct members: users or groups.</summary>
    public List<string> Members { get; set; } = new();
}

public sealed class GraphAssignmentSeed
{
    public string PrincipalId { get; set; }
    /// <summary>User or Group; inferred from the principal when omitted.</summary>
    public string PrincipalType { get; set; }
    public string AppRoleId { get; set; } = GraphAppRoleAssignment.DefaultAppRoleId;
}
