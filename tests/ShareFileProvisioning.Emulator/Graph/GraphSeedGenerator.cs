using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>Synthetic tenants for paging tests and benchmarks (10,000–100,000 users); deterministic per seed number.</summary>
public static class GraphSeedGenerator
{
    private static readonly string TenantId = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f";

    /// <summary>
    /// <paramref name="users"/> users (every 50th disabled), <paramref name="groups"/> groups of consecutive users
    /// (<paramref name="membersPerGroup"/> each), every user in <paramref name="assignedUserPercent"/> % assigned
    /// directly (default role) and the first group assigned with the Group role. The service principal and
    /// credentials are those of seeds/graph-default.json.
    /// </summary>
    public static GraphSeed Create(int users, int groups = 0, int membersPerGroup = 0, int assignedUserPercent = 100, int randomSeed = 1)
    {
        if (users < 0 || groups < 0 || membersPerGroup < 0) throw new ArgumentOutOfRangeException(nameof(users), "Counts must not be negative.");
        var template = GraphState.ParseSeed(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "graph-default.json")), "graph-default.json");
        var random = new Random(randomSeed);
        string NewId() { var b = new byte[16]; random.NextBytes(b); b[7] = (byte)(0x40 | (b[7] & 0x0F)); b[8] = (byte)(0x80 | (b[8] & 0x3F)); return new Guid(b).ToString(); }
        string[] departments = { "Engineering", "Finance", "Sales", "Research", "Support" };

        var seed = new GraphSeed
        {
            TenantId = TenantId, ServicePrincipal = template.ServicePrincipal, Apps = template.Apps, Tokens = template.Tokens,
            ManagedIdentity = template.ManagedIdentity, DeltaPageSize = template.DeltaPageSize,
            Users = new List<GraphUserSeed>(users), Groups = new List<GraphGroupSeed>(groups), AppRoleAssignments = new List<GraphAssignmentSeed>(),
        };
        for (var i = 0; i < users; i++)
        {
            var nick = $"user{i:D6}";
            seed.Users.Add(new GraphUserSeed
            {
                Id = NewId(), UserPrincipalName = nick + "@contoso.example", Mail = nick + "@contoso.example", GivenName = "User",
                Surname = i.ToString("D6"), DisplayName = "User " + i.ToString("D6"), CompanyName = "Contoso",
                Department = departments[i % departments.Length], JobTitle = "Staff", AccountEnabled = i % 50 != 49,
                EmployeeId = "G" + i.ToString("D6"), MailNickname = nick,
            });
            if (random.Next(100) < assignedUserPercent)
                seed.AppRoleAssignments.Add(new GraphAssignmentSeed { PrincipalId = seed.Users[i].Id, PrincipalType = "User" });
        }
        for (var g = 0; g < groups; g++)
        {
            var members = Enumerable.Range(g * membersPerGroup, membersPerGroup).Where(i => i < users).Select(i => seed.Users[i].Id).ToList();
            seed.Groups.Add(new GraphGroupSeed { Id = NewId(), DisplayName = $"Group {g:D4}", MailNickname = $"group{g:D4}", Members = members });
        }
        var groupRole = seed.ServicePrincipal.AppRoles.FirstOrDefault(r => r.AllowedMemberTypes.Contains("Group"));
        if (groups > 0 && groupRole != null)
            seed.AppRoleAssignments.Add(new GraphAssignmentSeed { PrincipalId = seed.Groups[0].Id, PrincipalType = "Group", AppRoleId = groupRole.Id });
        return seed;
    }

    /// <summary>Writes a seed as JSON (camelCase), e.g. for `--graph-seed` or EmulatorOptions.GraphSeedPath.</summary>
    public static void Save(GraphSeed seed, string path)
    {
        using var writer = new StreamWriter(path);
        JsonSerializer.Create(new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(), NullValueHandling = NullValueHandling.Ignore,
        }).Serialize(writer, seed);
    }
}
