using System.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>Users, accounts and groups endpoints against the emulator: paging, error mapping, round trips.</summary>
public class ShareFileApiTests
{
    [Fact]
    public async Task Employees_are_read_across_pages_by_following_nextLink()
    {
        using var seed = TempSeed.Standard(employees: 5);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server);

        var whole = await client.ListEmployeesAsync(null, default);
        var before = await CountAsync(server, "GET /sf/v3/Accounts/Employees");
        var paged = await client.ListEmployeesAsync(2, default);
        var pages = await CountAsync(server, "GET /sf/v3/Accounts/Employees") - before;

        Assert.True(whole.Count >= 7, $"seeded 7 employees, feed had {whole.Count}");
        Assert.Equal(whole.Select(c => c.Id).OrderBy(i => i), paged.Select(c => c.Id).OrderBy(i => i));
        Assert.Equal((whole.Count + 1) / 2, pages);
        Assert.Contains(paged, c => c.Email == "employee5@acme.com");
    }

    [Fact]
    public async Task Account_and_preferences_are_read()
    {
        using var seed = TempSeed.Standard(strict: true);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server);

        var account = await client.GetAccountAsync(default);
        var preferences = await client.GetAccountPreferencesAsync(default);

        Assert.Equal(50, account.UserMax);
        Assert.NotNull(account.UserUsage);
        Assert.Equal(2, account.UserUsage.EmployeeCount);
        Assert.True(preferences.UseStrictEmployeeDefinition);
        Assert.Equal(new[] { "acme.com", "acme.co.uk" }, preferences.EmployeeEmailDomains);
    }

    [Fact]
    public async Task Duplicate_email_is_409_Conflict_and_ifNecessary_returns_the_existing_user()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);
        var request = new SfCreateClientRequest { Email = "dup@partner.com", FirstName = "Dee", LastName = "Up", Company = "Partner" };
        var created = await client.CreateClientAsync(request, false, false, default);

        request.Email = "DUP@partner.com";
        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() => client.CreateClientAsync(request, false, false, default));
        var existing = await client.CreateClientAsync(request, false, true, default);

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.Conflict, ex.Reason);
        Assert.Equal("POST", ex.Method);
        Assert.StartsWith("Users?", ex.Path);
        Assert.Equal(created.Id, existing.Id, ignoreCase: true);
    }

    [Fact]
    public async Task Unknown_id_is_404_NotFound_and_unknown_email_is_null()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetUserAsync("00000000-0000-4000-8000-000000000000", false, default));
        var missing = await client.FindUserByEmailAsync("nobody@nowhere.example", false, default);

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.NotFound, ex.Reason);
        Assert.Equal("Users(00000000-0000-4000-8000-000000000000)", ex.Path);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Non_admin_creating_an_employee_is_403_NotAuthorized()
    {
        using var seed = TempSeed.Standard();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server, user: UserEmail, password: UserPassword);

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() =>
            client.CreateEmployeeAsync(new SfCreateEmployeeRequest { Email = "new@acme.com", FirstName = "N", LastName = "E" }, false, false, default));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.NotAuthorized, ex.Reason);
    }

    [Fact]
    public async Task No_licence_left_is_403_EmployeeLicensesExceeded()
    {
        using var seed = TempSeed.Standard(userMax: 2);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() =>
            client.CreateEmployeeAsync(new SfCreateEmployeeRequest { Email = "third@acme.com", FirstName = "T", LastName = "E" }, false, false, default));

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.EmployeeLicensesExceeded, ex.Reason);
    }

    [Fact]
    public async Task Strict_employee_domain_rejects_a_client_with_ClientMustBeCreatedAsEmployee()
    {
        using var seed = TempSeed.Standard(strict: true);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() =>
            client.CreateClientAsync(new SfCreateClientRequest { Email = "someone@acme.com", FirstName = "S", LastName = "O" }, false, false, default));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.ClientMustBeCreatedAsEmployee, ex.Reason);
    }

    [Fact]
    public async Task User_lifecycle_create_update_disable_promote_and_delete()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);
        var admin = await client.GetCurrentUserAsync(default);

        var employee = await client.CreateEmployeeAsync(
            new SfCreateEmployeeRequest { Email = "grace@acme.com", FirstName = "Grace", LastName = "Hopper", Company = "Acme", CanUseFileBox = true },
            false, false, default);
        var updated = await client.UpdateUserAsync(employee.Id, new SfUserUpdate { LastName = "Murray" }, default);
        await client.SetUserDisabledAsync(employee.Id, true, default);
        var disabled = await client.GetUserAsync(employee.Id.ToUpperInvariant(), true, default);
        var found = await client.FindUserByEmailAsync("GRACE@acme.com", false, default);

        Assert.True(employee.IsEmployee);
        Assert.Equal("Murray", updated.LastName);
        Assert.True(disabled.IsDisabled);
        Assert.Equal(employee.Id, found.Id, ignoreCase: true);
        Assert.Contains(await client.ListEmployeesAsync(null, default), c => string.Equals(c.Id, employee.Id, StringComparison.OrdinalIgnoreCase) && c.IsDisabled != false);

        var partner = await client.CreateClientAsync(new SfCreateClientRequest { Email = "pat@partner.com", FirstName = "Pat", LastName = "Ner" }, false, false, default);
        Assert.False(partner.IsEmployee);
        Assert.Contains(await client.ListClientsAsync(null, default), c => string.Equals(c.Id, partner.Id, StringComparison.OrdinalIgnoreCase));
        var promoted = await client.UpdateAccountUserAsync(partner.Id, new SfAccountUserUpdate { IsEmployee = true }, default);
        Assert.True(promoted.IsEmployee);

        await client.DowngradeEmployeesAsync(new[] { partner.Id }, admin.Id, admin.Id, default);
        Assert.False((await client.GetUserAsync(partner.Id, false, default)).IsEmployee);

        await client.DeleteUserAsync(employee.Id, true, admin.Id, admin.Id, default);
        Assert.Null(await client.FindUserByEmailAsync("grace@acme.com", false, default));
    }

    [Fact]
    public async Task Group_lifecycle_with_members_added_and_removed()
    {
        using var seed = TempSeed.Standard(employees: 2);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        using var client = Client(server);
        var first = await client.FindUserByEmailAsync("employee1@acme.com", false, default);

        var group = await client.CreateGroupAsync("Finance", true, new[] { SfMemberRef.ById(first.Id) }, default);
        var afterAdd = await client.AddGroupMembersAsync(group.Id, new[] { SfMemberRef.ByEmail("employee2@acme.com"), SfMemberRef.ById(first.Id) }, default);
        var afterRemove = await client.RemoveGroupMembersAsync(group.Id, new[] { SfMemberRef.ById(first.Id) }, default);
        var members = await client.ListGroupMembersAsync(group.Id, 1, default);
        var renamed = await client.UpdateGroupAsync(group.Id, new SfGroupUpdate { Name = "Finance EU" }, default);
        var expanded = await client.GetGroupAsync(group.Id, true, default);

        Assert.StartsWith("g", group.Id);
        Assert.True(group.IsShared);
        Assert.Equal(2, afterAdd.Count);
        Assert.Single(afterRemove);
        Assert.Equal("employee2@acme.com", Assert.Single(members).Email, ignoreCase: true);
        Assert.Equal("Finance EU", renamed.Name);
        Assert.Equal("employee2@acme.com", Assert.Single(expanded.Contacts).Email, ignoreCase: true);
        Assert.Contains(await client.ListGroupsAsync(null, default), g => g.Id == group.Id);

        await client.DeleteGroupAsync(group.Id, default);
        var gone = await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetGroupAsync(group.Id, false, default));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Adding_an_unknown_member_is_rejected_as_bad_request()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);
        var group = await client.CreateGroupAsync("Sales", false, null, default);

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() =>
            client.AddGroupMembersAsync(group.Id, new[] { SfMemberRef.ByEmail("ghost@nowhere.example") }, default));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(ShareFileErrorReason.NotFound, ex.Reason);
    }
}
