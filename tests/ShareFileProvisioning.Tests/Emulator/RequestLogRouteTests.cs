using ShareFileProvisioning.Emulator.Hosting;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>Graph requests are counted by route (ids folded), so benchmarks can report requests by route.</summary>
public class RequestLogRouteTests
{
    [Theory]
    [InlineData("/v1.0/servicePrincipals/5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9/appRoleAssignedTo", "/v1.0/servicePrincipals/{id}/appRoleAssignedTo")]
    [InlineData("/v1.0/users/delta()", "/v1.0/users/delta")]
    [InlineData("/v1.0/users/ada.lovelace@contoso.example", "/v1.0/users/{id}")]
    [InlineData("/v1.0/groups/8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01/members", "/v1.0/groups/{id}/members")]
    [InlineData("/v1.0/users", "/v1.0/users")]
    public void Graph_paths_are_named_by_route(string path, string route)
    {
        Assert.Equal(route, RequestLogMiddleware.GraphRoute(path));
    }
}
