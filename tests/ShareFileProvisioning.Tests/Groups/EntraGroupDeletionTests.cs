using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Groups;

/// <summary>A linked group deleted in Entra (groups/delta says @removed: deleted) is deprovisioned per OnGroupRemoved, under the safety rules.</summary>
public sealed class EntraGroupDeletionTests : GroupSyncHarness
{
    private const string Grace = "2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03";

    [Fact]
    public async Task GroupDeletedInEntra_OnGroupRemovedDelete_DeletesTheShareFileGroup_AndItsOnlyMembersLeaveScope()
    {
        await SyncAsync();
        var id = GroupNamed("ShareFile Users").Id;
        Server.Graph.DeleteGroup(SfUsersGroup);

        var (summary, results) = await SyncAsync();

        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
        Assert.Equal(SyncActionStatus.Success, Assert.Single(results, r => r.Action == PlanAction.DeleteGroup).Status);
        Assert.Null(Server.ShareFile.FindGroup(id));
        Assert.Null(await GroupLink(SfUsersGroup));
        Assert.Equal(PlanAction.Disable, Of(results, Grace).Action);   // in scope only through the deleted group
        Assert.True(UserByEmail("grace.hopper@contoso.example").IsDisabled);
    }

    [Fact]
    public async Task GroupDeletedInEntra_OnGroupRemovedKeep_LeavesTheShareFileGroup_AndStopsManagingIt()
    {
        Configuration.GroupProvisioning.OnGroupRemoved = GroupRemovedAction.Keep;
        await SyncAsync();
        Server.Graph.DeleteGroup(SfUsersGroup);

        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Success, Assert.Single(results, r => r.Action == PlanAction.UnmanageGroup).Status);
        Assert.NotNull(GroupNamed("ShareFile Users"));
        Assert.Null(await GroupLink(SfUsersGroup));
    }

    [Fact]
    public async Task GroupDeletedInEntra_AboveTheDeletionThreshold_IsStaged_AndNothingIsDeleted()
    {
        await SyncAsync();
        Configuration.DeletionThreshold.Count = 0;
        Server.Graph.DeleteGroup(SfUsersGroup);

        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Staged, Assert.Single(results, r => r.Action == PlanAction.DeleteGroup).Status);
        Assert.NotNull(GroupNamed("ShareFile Users"));
        Assert.NotNull(await GroupLink(SfUsersGroup));
        Assert.False(UserByEmail("grace.hopper@contoso.example").IsDisabled);
    }
}
