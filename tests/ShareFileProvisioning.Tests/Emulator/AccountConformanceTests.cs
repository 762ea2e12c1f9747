using System.Collections.Generic;
using System.Linq;
using System.Net;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The Accounts routes and the paging of the Employees/Clients feeds.</summary>
public sealed class AccountConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Fact]
    public async Task Accounts_returns_the_account_with_licence_usage()
    {
        var r = await Sf.GetAsync("sf/v3/Accounts", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.Account", (string)r.Body["odata.type"]);
        var id = (string)r.Body["Id"];
        Assert.Matches("^a[0-9a-f-]{35}$", id);
        Assert.Equal($"{Sf.BaseUri}sf/v3/Accounts({id})", (string)r.Body["url"]);
        Assert.Equal("acme", (string)r.Body["Subdomain"]);
        Assert.Equal(50, (int)r.Body["UserMax"]);
        Assert.Equal(5, (int)r.Body["UserUsage"]["EmployeeCount"]);
        Assert.Equal(2, (int)r.Body["UserUsage"]["ClientCount"]);
        Assert.Null(r.Body["Preferences"]);
    }

    [Fact]
    public async Task Accounts_by_id_works_and_unknown_id_is_404()
    {
        var token = await AdminTokenAsync();
        var id = Server.ShareFile.Account.Id;
        Assert.Equal(id, (string)(await Sf.GetAsync($"sf/v3/Accounts({id})", token)).Body["Id"]);
        var unknown = await Sf.GetAsync("sf/v3/Accounts(a0000000-0000-0000-0000-00000000000)", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("NotFound", unknown.Reason);
    }

    [Fact]
    public async Task Account_preferences_carry_the_strict_employee_settings()
    {
        var r = await Sf.GetAsync("sf/v3/Accounts/Preferences", await AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.AccountPreferences", (string)r.Body["odata.type"]);
        Assert.True((bool)r.Body["UseStrictEmployeeDefinition"]);
        Assert.Equal("acme.com,acme.co.uk", (string)r.Body["EmployeeEmailDomains"]);
    }

    [Fact]
    public async Task Non_admin_can_read_account_and_preferences()
    {
        var token = await UserTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Accounts", token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Accounts/Preferences", token)).Status);
    }

    [Fact]
    public async Task Employees_feed_without_top_is_whole_and_lists_disabled_users()
    {
        var r = await Sf.GetAsync("sf/v3/Accounts/Employees?withRightSignature=false", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal($"{Sf.BaseUri}sf/v3/$metadata#Contacts", (string)r.Body["odata.metadata"]);
        Assert.Equal(5, (int)r.Body["odata.count"]);
        Assert.Equal(5, r.Value.Count);
        Assert.Null(r.Body["odata.nextLink"]);
        var grace = r.Value.Single(c => (string)c["Email"] == "grace.hopper@acme.co.uk");
        Assert.True((bool)grace["IsDisabled"]);
        Assert.Equal("ShareFile.Api.Models.Contact", (string)grace["odata.type"]);
        Assert.Equal($"{Sf.BaseUri}sf/v3/Contacts({IdOf("grace.hopper@acme.co.uk")})", (string)grace["url"]);
        Assert.Equal("Hopper, Grace", (string)grace["Name"]);
    }

    [Fact]
    public async Task Clients_feed_lists_only_clients()
    {
        var r = await Sf.GetAsync("sf/v3/Accounts/Clients", await AdminTokenAsync());
        Assert.Equal(new[] { "bob.smith@partner.com", "carol.jones@vendor.org" }, r.Value.Select(c => (string)c["Email"]));
    }

    [Fact]
    public async Task D10_following_nextLink_visits_every_employee_once_and_ignores_filter_and_orderby()
    {
        Reseed(s =>
        {
            s.Account.UserMax = null;
            s.Users.AddRange(Enumerable.Range(0, 23).Select(i => new SeedUser { Email = $"e{i:00}@acme.com", FirstName = "E", LastName = i.ToString() }));
        });
        var token = await AdminTokenAsync();
        var seen = new List<string>();
        var url = "sf/v3/Accounts/Employees?$top=10&$filter=Email eq 'nobody'&$orderby=Email desc&$select=Id,Email";
        var pages = 0;
        while (url != null)
        {
            var page = await Sf.GetAsync(url, token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(28, (int)page.Body["odata.count"]);
            Assert.All(page.Value, c => Assert.Null(c["FirstName"]));
            seen.AddRange(page.Value.Select(c => (string)c["Id"]));
            url = (string)page.Body["odata.nextLink"];
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(28, seen.Count);
        Assert.Equal(28, seen.Distinct().Count());
        Assert.Equal(IdOf(AdminEmail), seen[0]); // insertion order, not the requested $orderby
    }

    [Fact]
    public async Task D10_skip_beyond_the_end_is_an_empty_page_and_bad_numbers_are_400()
    {
        var token = await AdminTokenAsync();
        var empty = await Sf.GetAsync("sf/v3/Accounts/Clients?$top=5&$skip=50", token);
        Assert.Empty(empty.Value);
        Assert.Equal(2, (int)empty.Body["odata.count"]);
        Assert.Null(empty.Body["odata.nextLink"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sf.GetAsync("sf/v3/Accounts/Clients?$top=-1", token)).Status);
    }

    [Fact]
    public async Task Query_option_names_are_case_insensitive()
    {
        var r = await Sf.GetAsync("sf/v3/Accounts/Employees?$TOP=2", await AdminTokenAsync());
        Assert.Equal(2, r.Value.Count);
        Assert.NotNull(r.Body["odata.nextLink"]);
    }
}
