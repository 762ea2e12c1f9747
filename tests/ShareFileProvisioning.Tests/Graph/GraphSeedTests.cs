using System.IO;
using System.Linq;
using ShareFileProvisioning.Emulator.Graph;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphSeedTests
{
    [Fact]
    public void DefaultSeed_HasTheDocumentedTenant()
    {
        var state = GraphState.Load(null);

        Assert.Equal(8, state.UserIds.Count);
        Assert.Single(state.UserIds, id => !state.GetUser(id).AccountEnabled);
        Assert.Equal(3, state.GroupIds.Count);
        Assert.Equal("Citrix ShareFile", state.ServicePrincipal.DisplayName);
        Assert.Contains(state.GetAssignments(), a => a.AppRoleId == GraphAppRoleAssignment.DefaultAppRoleId);
        Assert.Contains(state.GetAssignments(), a => a.PrincipalType == "Group");
    }

    [Fact]
    public void SeedWithAnUnknownMember_FailsNamingTheGroupAndTheId()
    {
        var path = Path.Combine(Path.GetTempPath(), $"graph-bad-{Guid.NewGuid():N}.json");
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "graph-default.json"))
            .Replace("\"4eaf7a5b-5555-4c6d-8e7f-8a9b0c1d2e05\" ]", "\"4eaf7a5b-5555-4c6d-8e7f-000000000000\" ]");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => GraphState.Load(path));

            Assert.Contains("Engineering Contractors", error.Message);
            Assert.Contains("4eaf7a5b-5555-4c6d-8e7f-000000000000", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SeedWithAMisspelledKey_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => GraphState.ParseSeed("{\"tenantID\":\"x\",\"userz\":[]}", "test"));

        Assert.Contains("userz", error.Message);
    }

    [Fact]
    public void Generate_BuildsTheRequestedTenantDeterministically()
    {
        var a = GraphState.Generate(users: 1_000, groups: 10, membersPerGroup: 20, assignedUserPercent: 50);
        var b = GraphState.Generate(users: 1_000, groups: 10, membersPerGroup: 20, assignedUserPercent: 50);

        Assert.Equal(1_000, a.UserIds.Count);
        Assert.Equal(20, a.GetGroupMembers(a.GroupIds[0]).Count);
        Assert.InRange(a.GetAssignments().Count(x => x.PrincipalType == "User"), 400, 600);
        Assert.Equal(a.UserIds, b.UserIds);
    }
}
