using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The Users routes: duplicates, lookups, strict employees, licences, roles, unknown ids, email clashes.</summary>
public sealed class UserConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    private const string NewClient = "{\"Email\":\"dave@partner.com\",\"FirstName\":\"Dave\",\"LastName\":\"Brown\",\"Company\":\"Partner\"}";
    private const string NewEmployee = "{\"Email\":\"erin@acme.com\",\"FirstName\":\"Erin\",\"LastName\":\"White\",\"IsEmployee\":true,\"CanCreateFolders\":true}";

    [Fact]
    public async Task Get_Users_returns_the_caller_as_AccountUser_with_roles()
    {
        var me = await Sf.GetAsync("sf/v3/Users", await AdminTokenAsync());

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("ShareFile.Api.Models.AccountUser", (string)me.Body["odata.type"]);
        Assert.Equal($"{Sf.BaseUri}sf/v3/$metadata#Users/ShareFile.Api.Models.AccountUser@Element", (string)me.Body["odata.metadata"]);
        var id = (string)me.Body["Id"];
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
        Assert.Equal($"{Sf.BaseUri}sf/v3/Users({id})", (string)me.Body["url"]);
        var roles = me.Body["Roles"].Values<string>().ToList();
        foreach (var role in new[] { "Employee", "AdminManageEmployees", "CanManageUsers", "AdminSharedDistGroups", "AdminCreateSharedGroups", "SuperUser" })
            Assert.Contains(role, roles);
        Assert.Null(me.Body["Security"]); // navigation properties only when expanded
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", (string)me.Body["DateCreated"]);
        Assert.DoesNotContain("null", me.Text);
    }

    [Fact]
    public async Task Get_user_by_id_expands_Security_and_Preferences_only_on_request()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("grace.hopper@acme.co.uk");

        var plain = await Sf.GetAsync($"sf/v3/Users({id})", token);
        var expanded = await Sf.GetAsync($"sf/v3/Users({id})?$expand=Security,Preferences", token);
        var viaQuery = await Sf.GetAsync($"sf/v3/Users?id={id}", token);

        Assert.Null(plain.Body["Security"]);
        Assert.True((bool)expanded.Body["Security"]["IsDisabled"]);
        Assert.NotNull(expanded.Body["Preferences"]["CanResetPassword"]);
        Assert.Equal(id, (string)viaQuery.Body["Id"]);
    }

    [Fact]
    public async Task Select_keeps_only_the_named_properties()
    {
        var r = await Sf.GetAsync($"sf/v3/Users({IdOf("ada.lovelace@acme.com")})?$select=Email,Id", await AdminTokenAsync());
        Assert.Equal("ada.lovelace@acme.com", (string)r.Body["Email"]);
        Assert.NotNull(r.Body["Id"]);
        Assert.Null(r.Body["FirstName"]);
        Assert.Null(r.Body["Roles"]);
    }

    [Fact]
    public async Task Find_by_email_is_case_insensitive_in_value_and_parameter_name()
    {
        var token = await AdminTokenAsync();
        var a = await Sf.GetAsync("sf/v3/Users?emailaddress=Ada.Lovelace%40ACME.com", token);
        var b = await Sf.GetAsync("sf/v3/Users?EmailAddress=ada.lovelace@acme.com", token);

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(IdOf("ada.lovelace@acme.com"), (string)a.Body["Id"]);
        Assert.Null(a.Body["value"]); // a single User, not a feed
        Assert.Equal((string)a.Body["Id"], (string)b.Body["Id"]);
    }

    [Fact]
    public async Task D6_find_by_unknown_email_is_404_NotFound()
    {
        var r = await Sf.GetAsync("sf/v3/Users?emailaddress=ghost@acme.com", await AdminTokenAsync());
        Assert.Equal(HttpStatusCode.NotFound, r.Status);
        Assert.Equal("NotFound", r.Code);
        Assert.Equal("NotFound", r.Reason);
        Assert.Equal("en-US", (string)r.Body["message"]["lang"]);
    }

    [Theory]
    [InlineData("sf/v3/Users?emailaddress=")]
    [InlineData("sf/v3/Users?id=&emailAddress=")]   // what the .NET SDK's Users.Get() sends
    [InlineData("sf/v3/Users?id=")]
    public async Task Empty_query_values_are_not_given_so_Users_returns_the_caller(string path)
    {
        var r = await Sf.GetAsync(path, await AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(IdOf(AdminEmail), (string)r.Body["Id"]);
    }

    [Fact]
    public async Task D17_unknown_user_id_is_404()
    {
        var token = await AdminTokenAsync();
        var ghost = Guid.NewGuid();
        foreach (var path in new[] { $"sf/v3/Users({ghost})", $"sf/v3/Users({ghost})/Security", $"sf/v3/Users({ghost})/Preferences" })
        {
            var r = await Sf.GetAsync(path, token);
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Equal("NotFound", r.Reason);
        }
        var patch = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({ghost})", token, "{\"LastName\":\"X\"}");
        Assert.Equal(HttpStatusCode.NotFound, patch.Status);
    }

    [Fact]
    public async Task Create_client_returns_200_with_a_User()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users?pushCreatorDefaultSettings=false&addshared=true&notify=false&ifNecessary=false&addPersonal=true", await AdminTokenAsync(), NewClient);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.User", (string)r.Body["odata.type"]);
        Assert.Equal("dave@partner.com", (string)r.Body["Username"]);
        Assert.Equal(new[] { "Client", "CanChangePassword", "CanManageMySettings" }, r.Body["Roles"].Values<string>());
        Assert.Null(r.Body["IsAdministrator"]);
        var stored = Server.ShareFile.FindUser("dave@partner.com");
        Assert.False(stored.IsEmployee);
        Assert.Equal((string)r.Body["Id"], stored.Id);
    }

    [Fact]
    public async Task Create_employee_returns_200_with_an_AccountUser_and_reads_json_names_case_insensitively()
    {
        var body = "{\"email\":\"erin@acme.com\",\"firstname\":\"Erin\",\"LASTNAME\":\"White\",\"canCreateFolders\":true}";
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser", await AdminTokenAsync(), body);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.AccountUser", (string)r.Body["odata.type"]);
        Assert.Equal("White", (string)r.Body["LastName"]);
        Assert.True((bool)r.Body["CanCreateFolders"]);
        Assert.Contains("Employee", r.Body["Roles"].Values<string>());
        Assert.True(Server.ShareFile.FindUser("erin@acme.com").IsEmployee);
    }

    [Fact]
    public async Task Create_without_names_is_400()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", await AdminTokenAsync(), "{\"Email\":\"x@partner.com\"}");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BadRequest", r.Reason);
    }

    [Fact]
    public async Task D1_duplicate_email_is_409_Conflict_and_creates_nothing()
    {
        var token = await AdminTokenAsync();
        var before = Server.ShareFile.Users.Count;
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", token, "{\"Email\":\"BOB.SMITH@partner.com\",\"FirstName\":\"B\",\"LastName\":\"S\"}");
        var e = await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser", token, "{\"Email\":\"ada.lovelace@acme.com\",\"FirstName\":\"A\",\"LastName\":\"L\"}");

        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("Conflict", r.Code);
        Assert.Equal("Conflict", r.Reason);
        Assert.Equal(HttpStatusCode.Conflict, e.Status);
        Assert.Equal(before, Server.ShareFile.Users.Count);
    }

    [Fact]
    public async Task D2_ifNecessary_returns_the_existing_user_unchanged_whatever_its_type()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser?ifNecessary=true", await AdminTokenAsync(),
            "{\"Email\":\"bob.smith@partner.com\",\"FirstName\":\"Other\",\"LastName\":\"Name\"}");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.User", (string)r.Body["odata.type"]);
        Assert.Equal("Bob", (string)r.Body["FirstName"]);
        Assert.False(Server.ShareFile.FindUser("bob.smith@partner.com").IsEmployee);
    }

    [Theory]
    [InlineData("zed@acme.com")]
    [InlineData("zed@ACME.co.uk")]
    public async Task D13_client_in_an_employee_domain_is_400_ClientMustBeCreatedAsEmployee(string email)
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", await AdminTokenAsync(), $"{{\"Email\":\"{email}\",\"FirstName\":\"Z\",\"LastName\":\"Z\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("BadRequest", r.Code);
        Assert.Equal("ClientMustBeCreatedAsEmployee", r.Reason);
        Assert.Null(Server.ShareFile.FindUser(email));
    }

    [Fact]
    public async Task D13_does_not_apply_when_strict_definition_is_off()
    {
        Reseed(s => s.Account.Preferences.UseStrictEmployeeDefinition = false);
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", await AdminTokenAsync(), "{\"Email\":\"zed@acme.com\",\"FirstName\":\"Z\",\"LastName\":\"Z\"}");
        Assert.Equal(HttpStatusCode.OK, r.Status);
    }

    [Fact]
    public async Task D14_employee_creation_and_promotion_stop_at_UserMax_counting_disabled_employees()
    {
        // The default seed has 5 employees, one of them disabled.
        Reseed(s => s.Account.UserMax = 5);
        var token = await AdminTokenAsync();

        var create = await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser", token, NewEmployee);
        var promote = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users/AccountUser({IdOf("bob.smith@partner.com")})", token, "{\"IsEmployee\":true}");

        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Equal("Forbidden", create.Code);
        Assert.Equal("EmployeeLicensesExceeded", create.Reason);
        Assert.Equal(HttpStatusCode.Forbidden, promote.Status);
        Assert.Equal("EmployeeLicensesExceeded", promote.Reason);
        Assert.False(Server.ShareFile.FindUser("bob.smith@partner.com").IsEmployee);
        // Clients need no licence.
        Assert.Equal(HttpStatusCode.OK, (await Sf.SendJsonAsync("POST", "sf/v3/Users", token, NewClient)).Status);
    }

    [Fact]
    public async Task Promote_client_to_employee_turns_it_into_an_AccountUser()
    {
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users/AccountUser({IdOf("bob.smith@partner.com")})", await AdminTokenAsync(), "{\"IsEmployee\":true,\"CanManageUsers\":true}");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("ShareFile.Api.Models.AccountUser", (string)r.Body["odata.type"]);
        var roles = r.Body["Roles"].Values<string>().ToList();
        Assert.Contains("Employee", roles);
        Assert.DoesNotContain("Client", roles);
        Assert.True((bool)r.Body["CanManageUsers"]);
        Assert.Equal(6, Server.ShareFile.Account.EmployeeCount);
    }

    [Fact]
    public async Task Patch_user_updates_names_and_disable_flag()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})?$expand=Security", token, "{\"LastName\":\"King\",\"Company\":\"Acme Labs\",\"Security\":{\"IsDisabled\":true}}");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("King", (string)r.Body["LastName"]);
        Assert.Equal("Ada", (string)r.Body["FirstName"]);
        Assert.True((bool)r.Body["Security"]["IsDisabled"]);
        var security = await Sf.GetAsync($"sf/v3/Users({id})/Security", token);
        Assert.True((bool)security.Body["IsDisabled"]);
        Assert.Equal("ShareFile.Api.Models.UserSecurity", (string)security.Body["odata.type"]);
    }

    [Fact]
    public async Task Patch_email_changes_login_and_lookup()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})", token, "{\"Email\":\"ada.king@acme.com\"}");

        Assert.Equal("ada.king@acme.com", (string)r.Body["Username"]);
        Assert.Equal(id, (string)(await Sf.GetAsync("sf/v3/Users?emailaddress=ada.king@acme.com", token)).Body["Id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Sf.GetAsync("sf/v3/Users?emailaddress=ada.lovelace@acme.com", token)).Status);
    }

    [Fact]
    public async Task D18_patch_email_to_another_users_address_is_409_and_changes_nothing()
    {
        var id = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})", await AdminTokenAsync(), "{\"LastName\":\"Changed\",\"Email\":\"Alan.Turing@acme.com\"}");
        Assert.Equal(HttpStatusCode.Conflict, r.Status);
        Assert.Equal("Conflict", r.Reason);
        Assert.Equal("Lovelace", Server.ShareFile.FindUser(id).LastName);
    }

    [Fact]
    public async Task Preferences_can_be_read_and_patched()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("ada.lovelace@acme.com");
        var patch = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})/Preferences", token, "{\"CanResetPassword\":false,\"TimeZone\":\"UTC\"}");
        var get = await Sf.GetAsync($"sf/v3/Users({id})/Preferences", token);

        Assert.Equal(HttpStatusCode.OK, patch.Status);
        Assert.Equal("ShareFile.Api.Models.UserPreferences", (string)get.Body["odata.type"]);
        Assert.False((bool)get.Body["CanResetPassword"]);
        Assert.Equal("UTC", (string)get.Body["TimeZone"]);
    }

    [Fact]
    public async Task Roles_patch_adds_put_sets_and_RemoveRoles_removes()
    {
        var token = await AdminTokenAsync();
        var id = IdOf("ada.lovelace@acme.com");

        var added = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})/Roles", token, "{\"Roles\":[\"CanManageUsers\",\"AdminSharedDistGroups\"]}");
        Assert.Contains("CanManageUsers", added.Body["Roles"].Values<string>());
        Assert.Contains("CanUseFileBox", added.Body["Roles"].Values<string>());

        var set = await Sf.SendJsonAsync("PUT", $"sf/v3/Users({id})/Roles", token, "{\"Roles\":[\"CanChangePassword\"]}");
        Assert.Equal(new[] { "Employee", "CanChangePassword" }, set.Body["Roles"].Values<string>());

        var removed = await Sf.SendJsonAsync("POST", $"sf/v3/Users({id})/RemoveRoles", token, "[\"CanChangePassword\"]");
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Equal(new[] { "Employee" }, Server.ShareFile.FindUser(id).Roles);

        var unknown = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})/Roles", token, "{\"Roles\":[\"Wizard\"]}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }

    [Fact]
    public async Task D16_non_admin_login_cannot_read_others_or_create_update_delete()
    {
        var token = await UserTokenAsync();
        var ada = IdOf("ada.lovelace@acme.com");
        var results = new[]
        {
            await Sf.GetAsync($"sf/v3/Users({ada})", token),
            await Sf.GetAsync("sf/v3/Users?emailaddress=ada.lovelace@acme.com", token),
            await Sf.SendJsonAsync("POST", "sf/v3/Users", token, NewClient),
            await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser", token, NewEmployee),
            await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({ada})", token, "{\"LastName\":\"X\"}"),
            await Sf.SendJsonAsync("PATCH", $"sf/v3/Users/AccountUser({ada})", token, "{\"CanCreateFolders\":true}"),
            await Sf.SendAsync("DELETE", $"sf/v3/Users({ada})", token),
            await Sf.GetAsync("sf/v3/Accounts/Employees", token),
            await Sf.GetAsync("sf/v3/Accounts/Clients", token),
        };
        foreach (var r in results)
        {
            Assert.Equal(HttpStatusCode.Forbidden, r.Status);
            Assert.Equal("NotAuthorized", r.Reason);
        }
        // The caller itself stays readable.
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync($"sf/v3/Users({IdOf(UserEmail)})", token)).Status);
    }

    [Fact]
    public async Task D16_CanManageUsers_alone_manages_clients_but_not_employees()
    {
        Reseed(s => s.Users.Find(u => u.Email == UserEmail).Roles = ["Employee", "CanManageUsers"]);
        var token = await UserTokenAsync();

        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync($"sf/v3/Users({IdOf("bob.smith@partner.com")})", token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Sf.SendJsonAsync("POST", "sf/v3/Users", token, NewClient)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Sf.GetAsync($"sf/v3/Users({IdOf("ada.lovelace@acme.com")})", token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Sf.SendJsonAsync("POST", "sf/v3/Users/AccountUser", token, NewEmployee)).Status);
    }

    [Fact]
    public async Task Body_without_json_content_type_is_500()
    {
        var request = SfHttp.Request(HttpMethod.Post, "sf/v3/Users", await AdminTokenAsync());
        request.Content = new StringContent(NewClient, Encoding.UTF8, "text/plain");
        var r = await Sf.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, r.Status);
        Assert.Null(Server.ShareFile.FindUser("dave@partner.com"));
        var patch = await Sf.SendAsync("PATCH", $"sf/v3/Users({IdOf("ada.lovelace@acme.com")})", await AdminTokenAsync(),
            new ByteArrayContent(Encoding.UTF8.GetBytes("{\"LastName\":\"X\"}")));
        Assert.Equal(HttpStatusCode.InternalServerError, patch.Status);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var r = await Sf.SendJsonAsync("POST", "sf/v3/Users", await AdminTokenAsync(), "{\"Email\":");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
    }

    [Theory]
    [InlineData("X-Http-Method-Override")]
    [InlineData("x-http-method-override")]
    [InlineData("X-HTTP-Method-Override")]
    public async Task Method_override_turns_POST_into_PATCH(string header)
    {
        var id = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Users({id})", await AdminTokenAsync(), "{\"LastName\":\"Byron\"}", "PATCH", header);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Byron", Server.ShareFile.FindUser(id).LastName);
    }

    [Fact]
    public async Task Method_override_DELETE_with_empty_object_body_deletes()
    {
        var id = IdOf("carol.jones@vendor.org");
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Users({id})?completely=true", await AdminTokenAsync(), "{}", "DELETE");
        Assert.Equal(HttpStatusCode.NoContent, r.Status);
        Assert.Null(Server.ShareFile.FindUser(id));
    }

    [Fact]
    public async Task Empty_object_patch_is_tolerated_and_changes_nothing()
    {
        var id = IdOf("ada.lovelace@acme.com");
        var r = await Sf.SendJsonAsync("PATCH", $"sf/v3/Users({id})", await AdminTokenAsync(), "{}");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("Lovelace", (string)r.Body["LastName"]);
    }
}
