using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using ShareFileProvisioning.Emulator.Graph;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphServicePrincipalTests : GraphEmulatorHarness
{
    [Fact]
    public async Task ServicePrincipal_ByAppId_CarriesItsAppRoles()
    {
        var sp = await Client.ServicePrincipalsWithAppId(AppId).GetAsync();

        Assert.Equal(SpId, sp.Id);
        Assert.Equal("Citrix ShareFile", sp.DisplayName);
        Assert.Equal(new[] { "Group", "User" }, sp.AppRoles.Select(r => r.Value).OrderBy(v => v));
    }

    [Fact]
    public async Task ServicePrincipals_FilterByDisplayName_FindsTheApp_AndOtherNamesFindNothing()
    {
        var found = await Client.ServicePrincipals.GetAsync(rc => rc.QueryParameters.Filter = "displayName eq 'Citrix ShareFile'");
        var none = await Client.ServicePrincipals.GetAsync(rc => rc.QueryParameters.Filter = "displayName eq 'Dropbox'");

        Assert.Equal(AppId, Assert.Single(found.Value).AppId);
        Assert.Empty(none.Value);
    }

    [Fact]
    public async Task AppRoleAssignedTo_ListsUsersGroupsAndTheDefaultRole()
    {
        var page = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync();

        Assert.Equal(4, page.Value.Count);
        Assert.Contains(page.Value, a => a.PrincipalId == Guid.Parse(Alan) && a.AppRoleId == Guid.Empty && a.PrincipalType == "User");
        var group = Assert.Single(page.Value, a => a.PrincipalType == "Group");
        Assert.Equal("ShareFile Users", group.PrincipalDisplayName);
        Assert.Equal(Guid.Parse(SpId), group.ResourceId);
        Assert.NotNull(group.CreatedDateTime);
    }

    [Fact]
    public async Task AppRoleAssignedTo_PagesWithTop_PageIteratorSeesEveryAssignmentOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            var id = Server.Graph.CreateUser(new GraphUser { UserPrincipalName = $"extra{i}@contoso.example", DisplayName = $"Extra {i}" });
            Server.Graph.Assign(id, UserRoleId);
        }
        var first = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync(rc => rc.QueryParameters.Top = 2);
        var seen = new List<string>();
        await PageIterator<AppRoleAssignment, AppRoleAssignmentCollectionResponse>.CreatePageIterator(Client, first, a => { seen.Add(a.Id); return true; }).IterateAsync();

        Assert.Equal(2, first.Value.Count);
        Assert.NotNull(first.OdataNextLink);
        Assert.Equal(9, seen.Distinct().Count());
        Assert.Equal(9, seen.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task AppRoleAssignedTo_TopOutside1To999_IsRejected(int top)
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync(rc => rc.QueryParameters.Top = top));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("Invalid page size specified", error.Error.Message);
    }

    [Fact]
    public async Task AppRoleAssignedTo_ReflectsUnassignAndSoftDelete()
    {
        Server.Graph.Unassign(Ada);
        Server.Graph.SoftDeleteUser(Alan);

        var page = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync();

        Assert.DoesNotContain(page.Value, a => a.PrincipalId == Guid.Parse(Ada) || a.PrincipalId == Guid.Parse(Alan));
        Assert.Equal(2, page.Value.Count);
    }

    [Fact]
    public async Task ServicePrincipal_WithoutApplicationPermission_Is403()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => CreateClient("no-permissions").ServicePrincipals[SpId].GetAsync());

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Contains("Application.Read.All", error.Error.Message);
    }
}
