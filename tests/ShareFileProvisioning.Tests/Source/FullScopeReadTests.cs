using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Tests.Source;

public sealed class FullScopeReadTests : SourceHarness
{
    [Fact]
    public async Task DirectAssignmentsAndDirectGroupMembersAreInScope_NestedAndUnassignedAreNot()
    {
        var source = await Connect();

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        Assert.Equal(new[] { Ada, Alan, Dennis, Grace, Katherine }.OrderBy(i => i), result.Users.Select(u => u.Id).OrderBy(i => i));
        Assert.Null(UserOf(result, Linus));      // only in the nested group Engineering Contractors
        Assert.Null(UserOf(result, Margaret));   // only in Finance, which is not assigned
        var group = Assert.Single(result.Groups);
        Assert.Equal(ShareFileUsers, group.Id);
        Assert.Equal(new[] { Contractors }, group.NestedGroupIds);
        Assert.Equal(new[] { Grace, Katherine }.OrderBy(i => i), group.MemberUserIds.OrderBy(i => i));
    }

    [Fact]
    public async Task EachReasonCarriesItsRole_DefaultRoleCounts()
    {
        var source = await Connect();

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        var alan = Assert.Single(UserOf(result, Alan).Reasons);
        Assert.Equal(ScopeReasonKind.AssignedDirectly, alan.Kind);
        Assert.Equal(ScopeAssignment.DefaultAppRoleId, alan.AppRoleId);
        Assert.Equal("Default Access", alan.AppRoleName);
        Assert.Equal("User", Assert.Single(UserOf(result, Ada).Reasons).AppRoleName);
        var grace = Assert.Single(UserOf(result, Grace).Reasons);
        Assert.Equal(ScopeReasonKind.AssignedViaGroup, grace.Kind);
        Assert.Equal("ShareFile Users", grace.GroupDisplayName);
        Assert.Equal(GroupRoleId, grace.AppRoleId);
    }

    [Fact]
    public async Task UserAssignedDirectlyAndThroughAGroup_HasBothReasons()
    {
        Server.Graph.AddGroupMember(ShareFileUsers, Ada);
        var source = await Connect();

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        var kinds = UserOf(result, Ada).Reasons.Select(r => r.Kind).OrderBy(k => k).ToArray();
        Assert.Equal(new[] { ScopeReasonKind.AssignedDirectly, ScopeReasonKind.AssignedViaGroup }, kinds);
    }

    [Fact]
    public async Task DisabledAssignedUser_IsReadWithIsSoftDeleted_EnabledUsersAreNot()
    {
        var source = await Connect();

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        Assert.True(UserOf(result, Dennis).IsSoftDeleted);
        Assert.True(UserOf(result, Dennis).Attributes.TryGetValue("IsSoftDeleted", out var flag) && (bool)flag);
        Assert.False(UserOf(result, Ada).IsSoftDeleted);
        Assert.Contains(Dennis, result.Watermark.DisabledUserIds);
    }

    [Fact]
    public async Task AttributesAreExactlyTheSelectedOnesUnderEntraNames()
    {
        var source = await Connect();

        var result = await source.ReadFullAsync(new SourceReadOptions { Attributes = new[] { "department", "extensionAttribute1", "city" } }, CancellationToken.None);

        var ada = UserOf(result, Ada).Attributes;
        Assert.True(ada.TryGetValue("department", out var dept));
        Assert.Equal("Engineering", dept);
        Assert.True(ada.TryGetValue("city", out var city));
        Assert.Equal("London", city);
        Assert.True(ada.TryGetValue("userPrincipalName", out _));
        Assert.False(ada.TryGetValue("jobTitle", out _));   // not selected
        Assert.False(ada.TryGetValue("mail", out _));
        Assert.Equal(Ada, ada.TryGetValue("objectId", out var oid) ? oid : null);
    }

    [Fact]
    public async Task EnterpriseAppResolvesByObjectIdAppIdAndDisplayName()
    {
        var byId = await Connect();
        var byAppId = await Connect(app: new SourceAppSelector { AppId = AppId });
        var byName = await Connect(app: new SourceAppSelector { DisplayName = "Citrix ShareFile" });

        Assert.Equal(SpId, byId.ServicePrincipal.Id);
        Assert.Equal(SpId, byAppId.ServicePrincipal.Id);
        Assert.Equal(SpId, byName.ServicePrincipal.Id);
        Assert.Equal(2, byName.ServicePrincipal.AppRoles.Count);
        var missing = await Assert.ThrowsAsync<SourceAppNotFoundException>(() => Connect(app: new SourceAppSelector { DisplayName = "Dropbox" }));
        Assert.Contains("Dropbox", missing.Message);
    }

    [Fact]
    public async Task ReadScope_OpensNoDeltaLinks_ReadFullOpensBothWithTwoRequests()
    {
        var source = await Connect();

        var scope = await source.ReadScopeAsync(Mapped, CancellationToken.None);
        var full = await source.ReadFullAsync(Mapped, CancellationToken.None);

        Assert.Null(scope.Watermark);
        Assert.Equal(scope.RequestCount + 2, full.RequestCount);
        Assert.Contains("$deltatoken=", full.Watermark.UsersDeltaLink);
        Assert.Contains("$deltatoken=", full.Watermark.GroupsDeltaLink);
        Assert.Equal(scope.Users.Select(u => u.Id).OrderBy(i => i), full.Users.Select(u => u.Id).OrderBy(i => i));
    }
}
