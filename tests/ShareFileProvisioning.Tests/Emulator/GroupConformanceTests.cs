using System.Linq;
using System.Net;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The Groups routes: unknown members, the 2,000-member cap, roles, unknown ids.</summary>
public sealed class GroupConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    private string EngineeringId => Server.ShareFile.FindGroupsByName("Engineering").Single().Id;

    [Fact]
    public async Task Create_group_with_members_by_email_and_id_returns_200_Group()
    {
        var body = $"{{\"Name\":\"Finance\",\"IsShared\":true,\"Contacts\":[{{\"Email\":\"ADA.lovelace@acme.com\"}},{{\"Id\":\"{IdOf("bob.smith@partner.com")}\"}}]}}";
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Groups", await AdminTokenAsync(), body);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.Group", (string)r.Body["odata.type"]);
        Assert.Equal($"{Sf.BaseUri}sf/v3/$metadata#Groups/ShareFile.Api.Models.Group@Element", (string)r.Body["odata.metadata"]);
        var id = (string)r.Body["Id"];
        Assert.Matches("^g[0-9a-f-]{35}$", id);
        Assert.Equal($"{Sf.BaseUri}sf/v3/Groups({id})", (string)r.Body["url"]);
        Assert.Equal("Finance", (string)r.Body["Name"]);
        Assert.True((bool)r.Body["IsShared"]);
        Assert.Equal(2, (int)r.Body["NumberOfContacts"]);
        Assert.Null(r.Body["Contacts"]);
        Assert.Equal(IdOf(AdminEmail), Server.ShareFile.FindGroup(id).OwnerId);
    }

    [Fact]
    public async Task D11_unknown_member_rejects_the_whole_create()
    {
        var body = "{\"Name\":\"Finance\",\"IsShared\":true,\"Contacts\":[{\"Email\":\"ada.lovelace@acme.com\"},{\"Email\":\"ghost@acme.com\"}]}";
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Groups", await AdminTokenAsync(), body);

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BadRequest", r.Code);
        Assert.Equal("NotFound", r.Reason);
        Assert.Empty(Server.ShareFile.FindGroupsByName("Finance"));
    }

    [Fact]
    public async Task D11_unknown_member_id_rejects_the_whole_add()
    {
        var body = $"[{{\"Email\":\"bob.smith@partner.com\"}},{{\"Id\":\"{Guid.NewGuid()}\"}}]";
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", await AdminTokenAsync(), body);

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("NotFound", r.Reason);
        Assert.Equal(2, Server.ShareFile.FindGroup(EngineeringId).MemberIds.Count);
    }

    [Fact]
    public async Task D12_more_than_2000_members_is_400_and_changes_nothing()
    {
        Reseed(s => s.Users.AddRange(Enumerable.Range(0, 2001).Select(i => new SeedUser { Email = $"c{i}@partner.com", FirstName = "C", LastName = i.ToString(), Type = "Client" })));
        var token = await AdminTokenAsync();
        var all = "[" + string.Join(",", Enumerable.Range(0, 2001).Select(i => $"{{\"Email\":\"c{i}@partner.com\"}}")) + "]";
        var first1998 = "[" + string.Join(",", Enumerable.Range(0, 1998).Select(i => $"{{\"Email\":\"c{i}@partner.com\"}}")) + "]";

        var create = await Sf.SendJsonAsync("POST", "sf/v3/Groups", token, $"{{\"Name\":\"Big\",\"IsShared\":true,\"Contacts\":{all}}}");
        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.Equal("BadRequest", create.Reason);
        Assert.Empty(Server.ShareFile.FindGroupsByName("Big"));

        // Engineering has 2 members: 1,998 more reach exactly 2,000; one more is too many.
        Assert.Equal(HttpStatusCode.OK, (await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", token, first1998)).Status);
        var over = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", token, "[{\"Email\":\"c2000@partner.com\"}]");
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Equal("BadRequest", over.Reason);
        Assert.Equal(2000, Server.ShareFile.FindGroup(EngineeringId).MemberIds.Count);
    }

    [Fact]
    public async Task Get_group_expands_Contacts_only_on_request()
    {
        var token = await AdminTokenAsync();
        var plain = await Sf.GetAsync($"sf/v3/Groups({EngineeringId})", token);
        var expanded = await Sf.GetAsync($"sf/v3/Groups({EngineeringId})?$expand=Contacts", token);

        Assert.Null(plain.Body["Contacts"]);
        Assert.Equal(2, (int)plain.Body["NumberOfContacts"]);
        var contacts = (JArray)expanded.Body["Contacts"];
        Assert.Equal(new[] { "ada.lovelace@acme.com", "alan.turing@acme.com" }, contacts.Select(c => (string)c["Email"]));
        Assert.Equal("ShareFile.Api.Models.Contact", (string)contacts[0]["odata.type"]);
        Assert.Equal("Lovelace, Ada", (string)contacts[0]["Name"]);
    }

    [Fact]
    public async Task Expand_Owner_returns_the_owning_user()
    {
        var r = await Sf.GetAsync($"sf/v3/Groups({EngineeringId})?$expand=Owner", await AdminTokenAsync());
        Assert.Equal(AdminEmail, (string)r.Body["Owner"]["Email"]);
        Assert.Equal("ShareFile.Api.Models.AccountUser", (string)r.Body["Owner"]["odata.type"]);
    }

    [Fact]
    public async Task Patch_group_renames_and_ignores_Contacts()
    {
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Groups({EngineeringId})", await AdminTokenAsync(),
            "{\"Name\":\"Engineering EU\",\"Contacts\":[{\"Email\":\"bob.smith@partner.com\"}]}");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Engineering EU", (string)r.Body["Name"]);
        Assert.Equal(2, (int)r.Body["NumberOfContacts"]);
    }

    [Fact]
    public async Task Delete_group_is_204_then_404()
    {
        var token = await AdminTokenAsync();
        var id = EngineeringId;
        Assert.Equal(HttpStatusCode.NoContent, (await Sf.SendAsync("DELETE", $"sf/v3/Groups({id})", token)).Status);
        var again = await Sf.GetAsync($"sf/v3/Groups({id})", token);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("NotFound", again.Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.SendAsync("DELETE", $"sf/v3/Groups({id})", token)).Status);
    }

    [Fact]
    public async Task Add_members_returns_the_updated_contact_feed_and_repeats_are_no_ops()
    {
        var token = await AdminTokenAsync();
        var body = "[{\"Email\":\"bob.smith@partner.com\"},{\"Email\":\"ada.lovelace@acme.com\"}]";
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", token, body);
        var again = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", token, body);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal($"{Sf.BaseUri}sf/v3/$metadata#Contacts", (string)r.Body["odata.metadata"]);
        Assert.Equal(3, (int)r.Body["odata.count"]);
        Assert.Equal(new[] { "ada.lovelace@acme.com", "alan.turing@acme.com", "bob.smith@partner.com" }, r.Value.Select(c => (string)c["Email"]));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(3, again.Value.Count);
    }

    [Fact]
    public async Task Remove_members_with_a_DELETE_body_tries_Id_then_Email_and_skips_strangers()
    {
        var body = $"[{{\"Id\":\"{IdOf("ada.lovelace@acme.com")}\"}},{{\"Email\":\"Alan.Turing@acme.com\"}},{{\"Email\":\"bob.smith@partner.com\"}},{{\"Id\":\"{Guid.NewGuid()}\"}}]";
        var r = await Sf.SendJsonAsync("DELETE", $"sf/v3/Groups({EngineeringId})/Contacts", await AdminTokenAsync(), body);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(0, (int)r.Body["odata.count"]);
        Assert.Empty(r.Value);
    }

    [Fact]
    public async Task Remove_members_via_POST_with_method_override_DELETE()
    {
        var body = $"[{{\"Id\":\"{IdOf("ada.lovelace@acme.com")}\"}}]";
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", await AdminTokenAsync(), body, "DELETE");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(new[] { "alan.turing@acme.com" }, r.Value.Select(c => (string)c["Email"]));
    }

    [Fact]
    public async Task Contacts_feed_pages_with_top_and_skip()
    {
        var token = await AdminTokenAsync();
        var page1 = await Sf.GetAsync($"sf/v3/Groups({EngineeringId})/Contacts?$top=1", token);
        var next = (string)page1.Body["odata.nextLink"];
        var page2 = await Sf.GetAsync(next, token);

        Assert.Equal(2, (int)page1.Body["odata.count"]);
        Assert.Single(page1.Value);
        Assert.Equal($"{Sf.BaseUri}sf/v3/Groups({EngineeringId})/Contacts?$top=1&$skip=1", next);
        Assert.Equal("alan.turing@acme.com", (string)page2.Value.Single()["Email"]);
        Assert.Null(page2.Body["odata.nextLink"]);
    }

    [Fact]
    public async Task Groups_feed_pages_and_ignores_filter_and_orderby()
    {
        var token = await AdminTokenAsync();
        foreach (var name in new[] { "Zulu", "Alpha" })
            await Sf.SendJsonAsync("POST", "sf/v3/Groups", token, $"{{\"Name\":\"{name}\",\"IsShared\":true}}");

        var all = await Sf.GetAsync("sf/v3/Groups?$filter=Name eq 'Alpha'&$orderby=Name asc", token);
        var page = await Sf.GetAsync("sf/v3/Groups?$top=2&$skip=1", token);

        Assert.Equal(new[] { "Engineering", "Zulu", "Alpha" }, all.Value.Select(g => (string)g["Name"]));
        Assert.Null(all.Body["odata.nextLink"]);
        Assert.Equal(3, (int)page.Body["odata.count"]);
        Assert.Equal(new[] { "Zulu", "Alpha" }, page.Value.Select(g => (string)g["Name"]));
        Assert.Null(page.Body["odata.nextLink"]);
    }

    [Fact]
    public async Task Duplicate_group_names_are_allowed()
    {
        var token = await AdminTokenAsync();
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Groups", token, "{\"Name\":\"Engineering\",\"IsShared\":true}");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(2, Server.ShareFile.FindGroupsByName("Engineering").Count);
    }

    [Fact]
    public async Task D16_non_admin_cannot_create_or_change_shared_groups()
    {
        var token = await UserTokenAsync();
        var create = await Sf.SendJsonAsync("POST", "sf/v3/Groups", token, "{\"Name\":\"Mine\",\"IsShared\":true}");
        var patch = await Sf.SendJsonAsync("PATCH", $"sf/v3/Groups({EngineeringId})", token, "{\"Name\":\"X\"}");
        var add = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId})/Contacts", token, "[{\"Email\":\"bob.smith@partner.com\"}]");
        var delete = await Sf.SendAsync("DELETE", $"sf/v3/Groups({EngineeringId})", token);

        foreach (var r in new[] { create, patch, add, delete })
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Equal("NotAuthorized", r.Reason);
        }
        Assert.Equal("Engineering", Server.ShareFile.FindGroup(EngineeringId).Name);
    }

    [Fact]
    public async Task Personal_groups_are_visible_to_their_owner_only()
    {
        var user = await UserTokenAsync();
        var created = await Sf.SendJsonAsync("POST", "sf/v3/Groups", user, "{\"Name\":\"Private\",\"IsShared\":false}");
        Assert.Equal(HttpStatusCode.OK, created.Status);
        var id = (string)created.Body["Id"];

        var admin = await AdminTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.GetAsync($"sf/v3/Groups({id})", admin)).Status);
        Assert.DoesNotContain("Private", (await Sf.GetAsync("sf/v3/Groups", admin)).Value.Select(g => (string)g["Name"]));
        Assert.Contains("Private", (await Sf.GetAsync("sf/v3/Groups", user)).Value.Select(g => (string)g["Name"]));
    }

    [Fact]
    public async Task D17_unknown_group_id_is_404_on_every_group_route()
    {
        var token = await AdminTokenAsync();
        var ghost = "g" + Guid.NewGuid().ToString().Substring(0, 35);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.GetAsync($"sf/v3/Groups({ghost})/Contacts", token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.SendJsonAsync("PATCH", $"sf/v3/Groups({ghost})", token, "{\"Name\":\"x\"}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.SendJsonAsync("POST", $"sf/v3/Groups({ghost})/Contacts", token, "[]")).Status);
    }

    [Fact]
    public async Task Users_own_groups_feed_lists_the_callers_memberships()
    {
        Reseed(s => s.Groups[0].Members.Add(UserEmail));
        var token = await UserTokenAsync();
        var mine = await Sf.GetAsync($"sf/v3/Users({IdOf(UserEmail)})/Groups", token);
        var others = await Sf.GetAsync($"sf/v3/Users({IdOf("ada.lovelace@acme.com")})/Groups", token);

        Assert.Equal(new[] { "Engineering" }, mine.Value.Select(g => (string)g["Name"]));
        Assert.Equal(HttpStatusCode.Forbidden, others.Status);
    }
}
