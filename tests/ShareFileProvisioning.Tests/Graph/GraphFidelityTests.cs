using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.Hosting;

namespace ShareFileProvisioning.Tests.Graph;

/// <summary>What real Entra returns and refuses: app role member types, assignment checks, Graph's error envelope on injected faults.</summary>
public sealed class GraphFidelityTests : GraphEmulatorHarness
{
    private const string GroupOnlyRoleId = "b1b2b3b4-0000-4000-8000-000000000001";
    private const string AppOnlyRoleId = "b1b2b3b4-0000-4000-8000-000000000002";
    private const string DisabledRoleId = "b1b2b3b4-0000-4000-8000-000000000003";

    [Fact]
    public async Task AppRoles_CarryExactlyTheSeedsAllowedMemberTypes()
    {
        var sp = await Client.ServicePrincipals[SpId].GetAsync();

        Assert.Equal(new[] { "User" }, sp.AppRoles.Single(r => r.Value == "User").AllowedMemberTypes);
        Assert.Equal(new[] { "User", "Group" }, sp.AppRoles.Single(r => r.Value == "Group").AllowedMemberTypes);
    }

    [Fact]
    public async Task Assignments_RefuseWhatEntraRefuses_AndAcceptAGroupOnAUserRole()
    {
        var roles = Server.Graph.ServicePrincipal.AppRoles;
        roles.Add(new GraphAppRole { Id = GroupOnlyRoleId, DisplayName = "Groups only", Value = "GroupsOnly", AllowedMemberTypes = new() { "Group" } });
        roles.Add(new GraphAppRole { Id = AppOnlyRoleId, DisplayName = "Api", Value = "Api", AllowedMemberTypes = new() { "Application" } });
        roles.Add(new GraphAppRole { Id = DisabledRoleId, DisplayName = "Old", Value = "Old", IsEnabled = false, AllowedMemberTypes = new() { "User" } });

        var userOnGroupRole = await Assign(Grace, GroupOnlyRoleId);
        var userOnAppRole = await Assign(Grace, AppOnlyRoleId);
        var groupOnAppRole = await Assign(Finance, AppOnlyRoleId);
        var userOnDisabledRole = await Assign(Grace, DisabledRoleId);
        var unknownRole = await Assign(Grace, "b1b2b3b4-0000-4000-8000-0000000000ff");
        var groupOnGroupRole = await Assign(Finance, GroupOnlyRoleId);
        var groupOnUserRole = await Assign(Contractors, UserRoleId);   // "User" means users and groups in Entra

        Assert.All(new[] { userOnGroupRole, userOnAppRole, groupOnAppRole, userOnDisabledRole, unknownRole }, s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (groupOnGroupRole, groupOnUserRole));
        var assigned = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync();
        Assert.DoesNotContain(assigned.Value, a => a.PrincipalId == Guid.Parse(Grace));
    }

    [Theory]
    [InlineData("[\"Group\", \"Robot\"]", "'Robot'")]
    [InlineData("[]", "needs allowedMemberTypes")]
    [InlineData("[\"User\", \"User\"]", "twice")]
    public void Seed_WithAnInvalidAllowedMemberTypes_IsRefusedNamingTheRole(string types, string expected)
    {
        var seed = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "graph-default.json")));
        seed["servicePrincipal"]["appRoles"][1]["allowedMemberTypes"] = JArray.Parse(types);
        var path = Path.Combine(Path.GetTempPath(), $"graph-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, seed.ToString());
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => GraphState.Load(path));
            Assert.Contains("app role 'Group'", e.Message);
            Assert.Contains(expected, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task InjectedFault_UnderGraph_CarriesInnerErrorWithRequestIdAndDate()
    {
        Server.Control.InjectFaults(new FaultRule { Status = 500, Count = 1, PathPrefix = "/v1.0" });
        var request = new HttpRequestMessage(HttpMethod.Get, $"v1.0/servicePrincipals/{SpId}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any-token");
        request.Headers.Add("client-request-id", "5f0c7e4a-1111-4222-8333-944455556666");

        var response = await PlainHttp().SendAsync(request);
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(await response.Content.ReadAsStringAsync())) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var error = JObject.Load(reader)["error"];

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string)error["code"]));
        var requestId = (string)error["innerError"]["request-id"];
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(requestId, response.Headers.GetValues("request-id").Single());
        Assert.Equal("5f0c7e4a-1111-4222-8333-944455556666", (string)error["innerError"]["client-request-id"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", (string)error["innerError"]["date"]);
    }

    private async Task<HttpStatusCode> Assign(string principalId, string roleId)
    {
        var body = new StringContent($"{{\"principalId\":\"{principalId}\",\"appRoleId\":\"{roleId}\"}}", Encoding.UTF8, "application/json");
        return (await PlainHttp().PostAsync("_emulator/graph/assignments", body)).StatusCode;
    }
}
