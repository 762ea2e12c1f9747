using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Tests.ShareFile;

public class ShareFileParsingTests
{
    [Fact]
    public void Employee_email_domains_are_split_trimmed_lower_cased_and_deduplicated()
    {
        var preferences = new SfAccountPreferences(true, " Acme.com,acme.co.uk; EXAMPLE.org\tacme.com  ");
        Assert.Equal(new[] { "acme.com", "acme.co.uk", "example.org" }, preferences.EmployeeEmailDomains);
        Assert.Empty(new SfAccountPreferences(null, null).EmployeeEmailDomains);
    }

    [Theory]
    [InlineData("EmployeeLicensesExceeded", ShareFileErrorReason.EmployeeLicensesExceeded)]
    [InlineData("clientmustbecreatedasemployee", ShareFileErrorReason.ClientMustBeCreatedAsEmployee)]
    [InlineData("SomethingNew", ShareFileErrorReason.Unspecified)]
    [InlineData("3", ShareFileErrorReason.Unspecified)]
    [InlineData(null, ShareFileErrorReason.Unspecified)]
    public void Error_reason_maps_known_names_and_defaults_to_unspecified(string text, ShareFileErrorReason expected)
    {
        Assert.Equal(expected, ShareFileErrors.ParseReason(text));
    }

    [Fact]
    public void User_is_an_employee_by_odata_type_and_disabled_by_security()
    {
        var json = JObject.Parse("""
            {"odata.type":"ShareFile.Api.Models.AccountUser","Id":"6E653483-0234-4e34-ace5-107ff624bbda","Email":"ada@acme.com",
             "Roles":["CanChangePassword"],"DateCreated":"2024-05-01T09:30:00.12Z","Security":{"IsDisabled":true,"IsLocked":false},"Unknown":1}
            """);
        var user = ShareFileJson.ToModel<SfUser>(json);
        Assert.True(user.IsEmployee);
        Assert.True(user.IsDisabled);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 9, 30, 0, 120, TimeSpan.Zero), user.DateCreated);
    }

    [Fact]
    public void Client_with_employee_role_counts_as_employee_and_unexpanded_security_means_enabled()
    {
        var client = ShareFileJson.ToModel<SfUser>(JObject.Parse("""{"odata.type":"ShareFile.Api.Models.User","Roles":["Client"]}"""));
        var byRole = ShareFileJson.ToModel<SfUser>(JObject.Parse("""{"Roles":["employee"]}"""));
        Assert.False(client.IsEmployee);
        Assert.False(client.IsDisabled);
        Assert.True(byRole.IsEmployee);
    }

    [Fact]
    public void Create_and_patch_bodies_omit_nulls()
    {
        var create = new SfCreateEmployeeRequest { Email = " bob@acme.com ", FirstName = "Bob", CanUseFileBox = true }.ToJson();
        Assert.Equal("""{"Email":"bob@acme.com","FirstName":"Bob","IsEmployee":true,"CanUseFileBox":true}""", ShareFileJson.Serialize(create));

        var patch = new SfUserUpdate { LastName = "King", IsDisabled = false }.ToJson();
        Assert.Equal("""{"LastName":"King","Security":{"IsDisabled":false}}""", ShareFileJson.Serialize(patch));
    }
}
