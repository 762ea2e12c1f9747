using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Tests.Graph;

/// <summary>The /_emulator/graph/ surface drives the same state the Graph routes serve.</summary>
public sealed class GraphControlEndpointTests : GraphEmulatorHarness
{
    private async Task<(HttpStatusCode, JObject)> Send(HttpMethod method, string path, string json = null)
    {
        var request = new HttpRequestMessage(method, "_emulator/graph/" + path);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await PlainHttp().SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task CreateUserAssignAndEditOverHttp_AreVisibleThroughGraph()
    {
        var (created, body) = await Send(HttpMethod.Post, "users", "{\"userPrincipalName\":\"eve@contoso.example\",\"displayName\":\"Eve\",\"extra\":{\"city\":\"Oslo\"}}");
        var id = (string)body["id"];
        var (assigned, _) = await Send(HttpMethod.Post, "assignments", $"{{\"principalId\":\"{id}\",\"appRoleId\":\"{UserRoleId}\"}}");
        var (patched, _) = await Send(HttpMethod.Patch, $"users/{id}", "{\"department\":\"Legal\"}");

        var user = await Client.Users[id].GetAsync(rc => rc.QueryParameters.Select = new[] { "department", "city" });
        var assignments = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (created, assigned, patched));
        Assert.Equal(("Legal", "Oslo"), (user.Department, user.City));
        Assert.Contains(assignments.Value, a => a.PrincipalId == Guid.Parse(id) && a.AppRoleId == Guid.Parse(UserRoleId));
    }

    [Fact]
    public async Task DeleteLifecycleOverHttp_ShowsInTheStateDump()
    {
        await Send(HttpMethod.Post, $"users/{Ada}/softDelete");
        var (_, softDeleted) = await Send(HttpMethod.Get, "state");
        await Send(HttpMethod.Post, $"users/{Ada}/restore");
        await Send(HttpMethod.Post, $"users/{Alan}/purge");
        var (_, after) = await Send(HttpMethod.Get, "state");

        string StateOf(JObject dump, string id) => (string)dump["users"].Single(u => (string)u["id"] == id)["state"];
        Assert.Equal("softDeleted", StateOf(softDeleted, Ada));
        Assert.Equal("active", StateOf(after, Ada));
        Assert.Equal("purged", StateOf(after, Alan));
    }

    [Fact]
    public async Task GroupMembershipOverHttp_ChangesMembers()
    {
        await Send(HttpMethod.Post, $"groups/{Finance}/members/{Barbara}");
        await Send(HttpMethod.Delete, $"groups/{Finance}/members/{Ada}");

        var members = await Client.Groups[Finance].Members.GetAsync();

        Assert.Equal(new[] { Margaret, Barbara }.OrderBy(i => i, StringComparer.Ordinal), members.Value.Select(m => m.Id));
    }

    [Fact]
    public async Task InvalidChanges_AreRefusedWithAReason()
    {
        var (unknown, unknownBody) = await Send(HttpMethod.Post, $"users/{Guid.NewGuid()}/disable");
        var (notDeleted, notDeletedBody) = await Send(HttpMethod.Post, $"users/{Ada}/restore");
        var (twice, _) = await Send(HttpMethod.Post, "assignments", $"{{\"principalId\":\"{Ada}\",\"appRoleId\":\"{UserRoleId}\"}}");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("does not exist", (string)unknownBody["error"]);
        Assert.Equal(HttpStatusCode.Conflict, notDeleted);
        Assert.Contains("not soft-deleted", (string)notDeletedBody["error"]);
        Assert.Equal(HttpStatusCode.Conflict, twice);   // Ada already holds the User role
    }

    [Fact]
    public async Task ClockAdvanceAndReset_OverHttp()
    {
        var before = Server.Graph.Now;
        await Send(HttpMethod.Post, "clock/advance", "{\"days\":8}");
        var advanced = Server.Graph.Now;
        Server.Graph.DisableUser(Ada);
        await Send(HttpMethod.Post, "reset");

        Assert.True(advanced - before >= TimeSpan.FromDays(8));
        Assert.True(Server.Graph.Now - before < TimeSpan.FromDays(1));
        Assert.True(Server.Graph.GetUser(Ada).AccountEnabled);
    }
}
