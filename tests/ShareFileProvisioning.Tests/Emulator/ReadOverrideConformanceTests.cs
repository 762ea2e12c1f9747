using System.Linq;
using System.Net;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>POST + X-Http-Method-Override: GET is a read on every route (the .NET SDK's UseHttpMethodOverride), and empty query values are "not given".</summary>
public sealed class ReadOverrideConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Fact]
    public async Task Post_Users_with_GET_override_returns_the_caller_and_creates_nothing()
    {
        var body = "{\"Email\":\"dave@partner.com\",\"FirstName\":\"Dave\",\"LastName\":\"Brown\"}";
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users?id=&emailAddress=", await AdminTokenAsync(), body, "GET");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(IdOf(AdminEmail), (string)r.Body["Id"]);
        Assert.Null(Server.ShareFile.FindUser("dave@partner.com"));
    }

    [Fact]
    public async Task Post_Users_with_GET_override_and_an_email_finds_that_user()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users?emailaddress=ada.lovelace@acme.com", await AdminTokenAsync(), null, "get");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(IdOf("ada.lovelace@acme.com"), (string)r.Body["Id"]);
    }

    [Fact]
    public async Task Post_Users_id_with_GET_override_reads_the_user_instead_of_405()
    {
        var id = IdOf("grace.hopper@acme.co.uk");
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Users({id})?$expand=Security", await AdminTokenAsync(), "{}", "GET");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(id, (string)r.Body["Id"]);
        Assert.True((bool)r.Body["Security"]["IsDisabled"]);
    }

    [Fact]
    public async Task Post_feed_with_GET_override_lists_it()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Accounts/Clients", await AdminTokenAsync(), null, "GET");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(new[] { "bob.smith@partner.com", "carol.jones@vendor.org" }, r.Value.Select(c => (string)c["Email"]));
    }

    [Fact]
    public async Task Request_log_counts_a_GET_override_as_the_read_it_is()
    {
        await Sf.SendJsonAsync("POST", $"sf/v3/Users({IdOf("ada.lovelace@acme.com")})", await AdminTokenAsync(), "{}", "GET");
        Assert.Equal(1, Server.Control.CountOf("GET /sf/v3/Users(id)"));
        Assert.Equal(0, Server.Control.CountOf("POST /sf/v3/Users(id)"));
    }

    [Fact]
    public async Task Empty_query_values_are_ignored_on_other_routes_too()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("carol.jones@vendor.org");
        var feed = await Sf.GetAsync("sf/v3/Accounts/Employees?$top=&$skip=&$select=&$expand=", token);
        var delete = await Sf.SendAsync("DELETE", $"sf/v3/Users({id})?completely=&itemsReassignTo=&groupsReassignTo=", token);

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        Assert.Equal(5, feed.Value.Count);
        Assert.Equal("Ada", (string)feed.Value.Single(c => (string)c["Email"] == "ada.lovelace@acme.com")["FirstName"]);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.True(Server.ShareFile.FindUser(id).IsDisabled); // completely= empty = not given = soft delete
    }
}
