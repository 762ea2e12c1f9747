using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Groups;

/// <summary>Group provisioning end to end over HTTP against both emulators.</summary>
public sealed class GroupSyncTests : GroupSyncHarness
{
    private const string GraceEmail = "grace.hopper@contoso.example";
    private const string KatherineEmail = "katherine.johnson@contoso.example";

    [Fact]
    public async Task InitialCycle_CreatesTheAssignedGroup_WithItsProvisionedDirectMembers_AfterTheUsers_AndLinksIt()
    {
        var (summary, results) = await SyncAsync();

        Assert.Equal("Succeeded", summary.Status);
        var create = Assert.Single(results, r => r.Action == PlanAction.CreateGroup);
        Assert.Equal(SyncActionStatus.Success, create.Status);
        Assert.Equal(results.Count - 1, results.IndexOf(create));   // users first
        var group = GroupNamed("ShareFile Users");
        Assert.Equal(create.ShareFileId, group.Id);
        Assert.True(group.IsShared);
        Assert.Equal(new[] { GraceEmail, KatherineEmail }, MemberEmails(group));   // nested Engineering Contractors not expanded
        Assert.Equal(group.Id, (await GroupLink(SfUsersGroup)).TargetId);
        var logged = new FileLogStore(Profile).ReadRecords(new ProvisioningLogQuery { CycleIds = new[] { summary.CycleId } }).ToList();
        var record = Assert.Single(logged, r => r.SourceIdentity.IdentityType == "Group");
        Assert.Equal(ProvisioningAction.Create, record.ProvisioningAction);
        Assert.Equal("Group", record.TargetIdentity.IdentityType);
        Assert.Contains(record.ModifiedProperties, p => p.DisplayName == "members" && p.NewValue.Contains("grace.hopper"));
    }

    [Fact]
    public async Task Incremental_NothingChanged_SendsNothingForGroups()
    {
        await SyncAsync();

        var (summary, results) = await SyncAsync();

        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
        Assert.Empty(results);
    }

    [Fact]
    public async Task Incremental_RenameInEntra_RenamesTheSameShareFileGroup()
    {
        await SyncAsync();
        var id = GroupNamed("ShareFile Users").Id;
        Server.Graph.UpdateGroup(SfUsersGroup, "displayName", "ShareFile People");

        var (summary, results) = await SyncAsync();

        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
        var rename = Assert.Single(results);
        Assert.Equal((PlanAction.RenameGroup, SyncActionStatus.Success), (rename.Action, rename.Status));
        Assert.Equal("ShareFile People", Server.ShareFile.FindGroup(id).Name);
    }

    [Fact]
    public async Task Incremental_MembersAddedAndRemovedInEntra_AreOneAddCallAndOneRemoveCall()
    {
        await SyncAsync();
        Server.Graph.AddGroupMember(SfUsersGroup, Ada);       // already in scope by direct assignment
        Server.Graph.AddGroupMember(SfUsersGroup, Alan);
        Server.Graph.RemoveGroupMember(SfUsersGroup, Katherine);   // leaves scope as well

        var (_, results) = await SyncAsync();

        var add = Assert.Single(results, r => r.Action == PlanAction.AddMembers);
        Assert.Equal(2, add.Item.Members.Count);
        var remove = Assert.Single(results, r => r.Action == PlanAction.RemoveMembers);
        Assert.Equal(Katherine, Assert.Single(remove.Item.Members).SourceId);
        Assert.All(results.Where(r => r.Item.IsExecutable), r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.Equal(new[] { "ada.lovelace@contoso.example", "alan.turing@contoso.example", GraceEmail }, MemberEmails(GroupNamed("ShareFile Users")));
    }

    [Fact]
    public async Task UserLeavingScope_LeavesItsGroups()
    {
        Server.Graph.AddGroupMember(SfUsersGroup, Alan);
        await SyncAsync();
        Assert.Contains("alan.turing@contoso.example", MemberEmails(GroupNamed("ShareFile Users")));
        Server.Graph.Unassign(Alan);               // still a member of the group: stays in scope through it
        Server.Graph.RemoveGroupMember(SfUsersGroup, Alan);

        var (_, results) = await SyncAsync();

        Assert.Contains(results, r => r.SourceId == Alan && r.Action == PlanAction.Disable);
        Assert.Equal(Alan, Assert.Single(results, r => r.Action == PlanAction.RemoveMembers).Item.Members.Single().SourceId);
        Assert.DoesNotContain("alan.turing@contoso.example", MemberEmails(GroupNamed("ShareFile Users")));
    }

    [Theory]
    [InlineData(NestedGroupHandling.Direct, false)]
    [InlineData(NestedGroupHandling.Flatten, true)]
    public async Task NestedGroups_DirectKeepsOnlyDirectMembers_FlattenAddsTransitiveUsersInScope(NestedGroupHandling mode, bool linusIncluded)
    {
        Configuration.GroupProvisioning.NestedGroups = mode;
        Server.Graph.Assign(ContractorsGroup);    // Linus in scope (and provisioned) through his own group

        await SyncAsync();

        var members = MemberEmails(GroupNamed("ShareFile Users"));
        Assert.Equal(linusIncluded, members.Contains("linus.torvalds@contoso.example"));
        Assert.Contains(GraceEmail, members);
        Assert.Equal(new[] { "linus.torvalds@contoso.example" }, MemberEmails(GroupNamed("Engineering Contractors")));
    }

    /// <summary>The assigned group goes: unassigned from the app, or deleted in Entra (groups/delta: @removed deleted).</summary>
    private void RemoveAssignedGroup(bool deletedInEntra)
    {
        if (deletedInEntra) Server.Graph.DeleteGroup(SfUsersGroup);
        else Server.Graph.Unassign(SfUsersGroup);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnassignedOrDeletedGroup_OnGroupRemovedDelete_DeletesTheShareFileGroup_CountingTowardTheThreshold(bool deletedInEntra)
    {
        await SyncAsync();
        var id = GroupNamed("ShareFile Users").Id;
        RemoveAssignedGroup(deletedInEntra);
        var plan = await PlanAsync();
        Assert.Contains(plan.Items, i => i.Action == PlanAction.DeleteGroup && i.TargetId == id);
        Assert.Equal(plan.Items.Count(i => i.IsDeprovisioning), plan.Summary.Threshold.Deprovisioning);
        Assert.Contains(plan.Items, i => i.Action == PlanAction.DeleteGroup && i.IsDeprovisioning);

        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Success, Assert.Single(results, r => r.Action == PlanAction.DeleteGroup).Status);
        Assert.Null(Server.ShareFile.FindGroup(id));
        Assert.Null(await GroupLink(SfUsersGroup));
        Assert.True(UserByEmail(GraceEmail).IsDisabled);   // in scope only through that group
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GroupDeletionsAboveTheThreshold_AreStaged(bool deletedInEntra)
    {
        await SyncAsync();
        Configuration.DeletionThreshold.Count = 0;
        RemoveAssignedGroup(deletedInEntra);

        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Staged, Assert.Single(results, r => r.Action == PlanAction.DeleteGroup).Status);
        Assert.NotNull(GroupNamed("ShareFile Users"));
        Assert.NotNull(await GroupLink(SfUsersGroup));
        Assert.False(UserByEmail(GraceEmail).IsDisabled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnassignedOrDeletedGroup_OnGroupRemovedKeep_StaysInShareFile_AndIsNoLongerManaged(bool deletedInEntra)
    {
        Configuration.GroupProvisioning.OnGroupRemoved = GroupRemovedAction.Keep;
        await SyncAsync();
        RemoveAssignedGroup(deletedInEntra);

        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Success, Assert.Single(results, r => r.Action == PlanAction.UnmanageGroup).Status);
        Assert.Equal(new[] { GraceEmail, KatherineEmail }, MemberEmails(GroupNamed("ShareFile Users")));
        Assert.Null(await GroupLink(SfUsersGroup));
    }

    [Fact]
    public async Task DisablingGroupProvisioning_LeavesTheGroupsInShareFile_AndDropsTheirLinks()
    {
        await SyncAsync();
        Configuration.GroupProvisioning.Enabled = false;

        var (_, results) = await SyncAsync(r => r.Full = true);

        var unmanage = Assert.Single(results, r => r.ObjectType == PlanObjectType.Group);
        Assert.Equal((PlanAction.UnmanageGroup, SyncActionStatus.Success), (unmanage.Action, unmanage.Status));
        Assert.Equal(new[] { GraceEmail, KatherineEmail }, MemberEmails(GroupNamed("ShareFile Users")));
        Assert.Null(await GroupLink(SfUsersGroup));
        Server.Graph.RemoveGroupMember(SfUsersGroup, Grace);
        var (_, later) = await SyncAsync();
        Assert.DoesNotContain(later, r => r.ObjectType == PlanObjectType.Group);
        Assert.Contains(GraceEmail, MemberEmails(GroupNamed("ShareFile Users")));
    }

    private async Task<ProvisioningPlan> PlanAsync() => (await PlanService.ComputeAsync(new PlanRequest
    {
        Source = Source, ShareFile = ShareFile, Configuration = Configuration, State = State, Watermarks = new FileSourceWatermarkStore(Profile.StateDirectory),
        Subdomain = "acme", ProfileName = Profile.Name,
    }, CancellationToken.None)).Plan;
}
