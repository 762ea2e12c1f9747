using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>Soft and hard deletes, reassign targets, bulk client deletion and employee downgrade.</summary>
public sealed class UserDeletionConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    private string EngineeringId => Server.ShareFile.FindGroupsByName("Engineering").Single().Id;

    [Fact]
    public async Task D7_delete_without_completely_disables_and_keeps_user_memberships_and_licence()
    {
        var id = IdOf("ada.lovelace@acme.com");
        var employeesBefore = Server.ShareFile.Account.EmployeeCount;

        var r = await Sf.SendAsync("DELETE", $"sf/v3/Users({id})?itemsReassignTo={Guid.NewGuid()}", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        Assert.Equal("", r.Text);
        var user = Server.ShareFile.FindUser(id);
        Assert.True(user.IsDisabled);
        Assert.Equal(12, user.Items);
        Assert.Contains(id, Server.ShareFile.FindGroup(EngineeringId).MemberIds);
        Assert.Equal(employeesBefore, Server.ShareFile.Account.EmployeeCount);
    }

    [Fact]
    public async Task D8_hard_delete_removes_user_from_every_group_and_moves_items_and_owned_groups()
    {
        var token = await AdminTokenAsync();
        var ada = IdOf("ada.lovelace@acme.com");
        var alan = IdOf("alan.turing@acme.com");
        // Ada owns a group of her own: make her able to create one by seeding it.
        Reseed(s => s.Groups.Add(new() { Name = "Ada's", IsShared = true, Owner = "ada.lovelace@acme.com", Members = ["alan.turing@acme.com"] }));
        token = await AdminTokenAsync();

        var r = await Sf.SendAsync("DELETE", $"sf/v3/Users({ada})?completely=true&itemsReassignTo={alan}&groupsReassignTo={alan}", token);

        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        Assert.Null(Server.ShareFile.FindUser(ada));
        Assert.DoesNotContain(ada, Server.ShareFile.FindGroup(EngineeringId).MemberIds);
        Assert.Equal(12, Server.ShareFile.FindUser(alan).Items);
        Assert.Equal(alan, Server.ShareFile.FindGroupsByName("Ada's").Single().OwnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.GetAsync($"sf/v3/Users({ada})", token)).Status);
        Assert.Equal(4, Server.ShareFile.Account.EmployeeCount);
    }

    [Fact]
    public async Task D8_hard_delete_without_targets_loses_items_and_owned_groups()
    {
        Reseed(s => s.Groups.Add(new() { Name = "Ada's", IsShared = true, Owner = "ada.lovelace@acme.com" }));
        var r = await Sf.SendAsync("DELETE", $"sf/v3/Users({IdOf("ada.lovelace@acme.com")})?completely=true", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        Assert.Empty(Server.ShareFile.FindGroupsByName("Ada's"));
        Assert.Equal(12, Server.ShareFile.Account.LostItems);
    }

    [Theory]
    [InlineData("itemsReassignTo")]
    [InlineData("groupsReassignTo")]
    public async Task D9_unknown_reassign_target_is_400_and_nothing_changes(string parameter)
    {
        var ada = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendAsync("DELETE", $"sf/v3/Users({ada})?completely=true&{parameter}={Guid.NewGuid()}", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BadRequest", r.Reason);
        Assert.NotNull(Server.ShareFile.FindUser(ada));
        Assert.Contains(ada, Server.ShareFile.FindGroup(EngineeringId).MemberIds);
    }

    [Fact]
    public async Task D17_delete_of_unknown_user_is_404()
    {
        var r = await Sf.SendAsync("DELETE", $"sf/v3/Users({Guid.NewGuid()})?completely=true", await AdminTokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, r.Status);
    }

    [Fact]
    public async Task Bulk_delete_clients_accepts_both_documented_forms()
    {
        var token = await AdminTokenAsync();
        var bob = IdOf("bob.smith@partner.com");
        var carol = IdOf("carol.jones@vendor.org");

        var viaDelete = await Sf.SendJsonAsync("DELETE", "sf/v3/Users/Clients", token, $"[\"{bob}\"]");
        var viaPost = await Sf.SendJsonAsync("POST", "sf/v3/Users/Clients/BulkDelete", token, $"{{\"UserIds\":[\"{carol}\"]}}");

        Assert.Equal(HttpStatusCode.NoContent, viaDelete.Status);
        Assert.Equal(HttpStatusCode.NoContent, viaPost.Status);
        Assert.Null(Server.ShareFile.FindUser(bob));
        Assert.Null(Server.ShareFile.FindUser(carol));
    }

    [Fact]
    public async Task Bulk_delete_rejects_more_than_100_ids_employees_and_unknown_ids_atomically()
    {
        var token = await AdminTokenAsync();
        var bob = IdOf("bob.smith@partner.com");
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 101).Select(_ => $"\"{Guid.NewGuid()}\"")) + "]";

        Assert.Equal(HttpStatusCode.BadRequest, (await Sf.SendJsonAsync("DELETE", "sf/v3/Users/Clients", token, tooMany)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sf.SendJsonAsync("DELETE", "sf/v3/Users/Clients", token, $"[\"{bob}\",\"{IdOf("ada.lovelace@acme.com")}\"]")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.SendJsonAsync("DELETE", "sf/v3/Users/Clients", token, $"[\"{bob}\",\"{Guid.NewGuid()}\"]")).Status);
        Assert.NotNull(Server.ShareFile.FindUser(bob));
    }

    [Fact]
    public async Task Downgrade_turns_employees_into_clients_and_frees_licences()
    {
        var token = await AdminTokenAsync();
        var ada = IdOf("ada.lovelace@acme.com");
        var alan = IdOf("alan.turing@acme.com");
        var admin = IdOf(AdminEmail);

        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token,
            $"{{\"UserIds\":[\"{ada}\",\"{alan}\"],\"ReassignItemsToId\":\"{admin}\",\"ReassignGroupsToId\":\"{admin}\"}}");

        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        var user = await Sf.GetAsync($"sf/v3/Users({ada})", token);
        Assert.Equal("ShareFile.Api.Models.User", (string)user.Body["odata.type"]);
        Assert.Equal(new[] { "Client", "CanChangePassword", "CanManageMySettings" }, user.Body["Roles"].ToObject<string[]>());
        Assert.Equal(3, Server.ShareFile.Account.EmployeeCount);
        Assert.Equal(12, Server.ShareFile.FindUser(admin).Items);
    }

    [Fact]
    public async Task Downgrade_validates_ids_targets_and_batch_size()
    {
        var token = await AdminTokenAsync();
        var ada = IdOf("ada.lovelace@acme.com");
        var tooMany = string.Join(",", Enumerable.Range(0, 101).Select(_ => $"\"{ada}\""));

        Assert.Equal(HttpStatusCode.BadRequest, (await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token, $"{{\"UserIds\":[{tooMany}]}}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token, $"{{\"UserIds\":[\"{IdOf("bob.smith@partner.com")}\"]}}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token, $"{{\"UserIds\":[\"{Guid.NewGuid()}\"]}}")).Status);
        var badTarget = await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token, $"{{\"UserIds\":[\"{ada}\"],\"ReassignItemsToId\":\"{Guid.NewGuid()}\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.Status);
        Assert.True(Server.ShareFile.FindUser(ada).IsEmployee);
    }

    [Fact]
    public async Task Downgrade_and_bulk_delete_need_the_admin_roles()
    {
        var token = await UserTokenAsync();
        var r1 = await Sf.SendJsonAsync("POST", "sf/v3/Users/Employees/Downgrade", token, $"{{\"UserIds\":[\"{IdOf("ada.lovelace@acme.com")}\"]}}");
        var r2 = await Sf.SendJsonAsync("DELETE", "sf/v3/Users/Clients", token, $"[\"{IdOf("bob.smith@partner.com")}\"]");
        Assert.Equal("NotAuthorized", r1.Reason);
        Assert.Equal("NotAuthorized", r2.Reason);
    }
}
