using System.Linq;
using System.Net;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>Every /sf/v3 route needs a live bearer token; 401 carries WWW-Authenticate: Bearer.</summary>
public sealed class AuthConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    private static void AssertUnauthorized(SfResult r)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("{\"code\":\"Unauthorized\",\"message\":{\"lang\":\"en-US\",\"value\":\"Unauthorized\"}}", r.Text);
    }

    [Theory]
    [InlineData("sf/v3/Users")]
    [InlineData("sf/v3/Accounts/Employees")]
    [InlineData("sf/v3/Groups")]
    [InlineData("sf/v3/NoSuchThing")]
    public async Task Missing_token_is_401_with_bearer_challenge(string path) => AssertUnauthorized(await Sf.GetAsync(path, null));

    [Fact]
    public async Task Unknown_token_is_401() => AssertUnauthorized(await Sf.GetAsync("sf/v3/Users", "abc$$def"));

    [Fact]
    public async Task Write_without_token_is_401_and_changes_nothing()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", null, "{\"Email\":\"new@partner.com\",\"FirstName\":\"N\",\"LastName\":\"P\"}");
        AssertUnauthorized(r);
        Assert.Null(Server.ShareFile.FindUser("new@partner.com"));
    }

    [Fact]
    public async Task Expiring_tokens_over_http_makes_live_tokens_fail_until_refreshed()
    {
        var grant = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword);
        var token = (string)grant.Body["access_token"];
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", token)).Status);

        var expire = await Sf.SendAsync("POST", "_emulator/sharefile/tokens/expire");
        Assert.Equal(HttpStatusCode.NoContent, expire.Status);

        AssertUnauthorized(await Sf.GetAsync("sf/v3/Users", token));
        var refreshed = await Sf.RefreshGrantAsync((string)grant.Body["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", (string)refreshed.Body["access_token"])).Status);
    }

    [Fact]
    public async Task Unknown_route_with_valid_token_is_404_and_wrong_verb_is_405()
    {
        var token = await AdminTokenAsync();
        var missing = await Sf.GetAsync("sf/v3/Folders", token);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("NotFound", missing.Reason);
        var wrongVerb = await Sf.SendJsonAsync("PUT", "sf/v3/Accounts", token, "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongVerb.Status);
    }

    [Fact]
    public async Task Token_of_a_completely_deleted_user_stops_working()
    {
        var admin = await AdminTokenAsync();
        var user = await UserTokenAsync();
        var del = await Sf.SendAsync("DELETE", $"sf/v3/Users({IdOf(UserEmail)})?completely=true", admin);
        Assert.Equal(HttpStatusCode.NoContent, del.Status);
        AssertUnauthorized(await Sf.GetAsync("sf/v3/Users", user));
    }
}
