using System.Linq;
using System.Threading;
using Newtonsoft.Json;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Tests.Source;

public sealed class IncrementalScopeReadTests : SourceHarness
{
    private EntraSource _source;
    private SourceWatermark _watermark;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _source = await Connect();
        _watermark = (await _source.ReadFullAsync(Mapped, CancellationToken.None)).Watermark;
    }

    /// <summary>Next cycle; the watermark goes through JSON as the state store will keep it.</summary>
    private async Task<SourceReadResult> NextCycle()
    {
        var stored = JsonConvert.DeserializeObject<SourceWatermark>(JsonConvert.SerializeObject(_watermark));
        var result = await _source.ReadChangesAsync(stored, Mapped, CancellationToken.None);
        _watermark = result.Watermark;
        return result;
    }

    [Fact]
    public async Task NothingChanged_NoChangesAndNoFallback()
    {
        var result = await NextCycle();

        Assert.False(result.IsFullRead);
        Assert.False(result.FellBackToFullRead);
        Assert.Empty(result.UserChanges);
        Assert.Empty(result.GroupChanges);
    }

    [Fact]
    public async Task UnassignedUser_LeavesScopeAsUnassigned()
    {
        Server.Graph.Unassign(Ada);

        var change = ChangeOf(await NextCycle(), Ada);

        Assert.Equal(ScopeChangeKind.Left, change.Kind);
        Assert.Equal(LeftScopeReason.Unassigned, change.LeftReason);
    }

    [Fact]
    public async Task RemovedFromAssignedGroup_LeavesScope_AndTheGroupReportsTheRemovedMember()
    {
        Server.Graph.RemoveGroupMember(ShareFileUsers, Grace);

        var result = await NextCycle();

        Assert.Equal(LeftScopeReason.RemovedFromGroup, ChangeOf(result, Grace).LeftReason);
        var group = Assert.Single(result.GroupChanges);
        Assert.Equal(ScopeChangeKind.Changed, group.Kind);
        Assert.Equal(new[] { Grace }, group.RemovedMemberIds);
    }

    [Fact]
    public async Task UnassignedGroup_ItsMembersLeaveAsUnassigned()
    {
        Server.Graph.Unassign(ShareFileUsers);

        var result = await NextCycle();

        Assert.Equal(LeftScopeReason.Unassigned, ChangeOf(result, Grace).LeftReason);
        Assert.Equal(LeftScopeReason.Unassigned, ChangeOf(result, Katherine).LeftReason);
        Assert.Equal(ScopeChangeKind.Left, Assert.Single(result.GroupChanges).Kind);
    }

    [Fact]
    public async Task DisabledUser_LeavesAsDisabledWithIsSoftDeleted_ThenReentersWhenEnabled()
    {
        Server.Graph.DisableUser(Ada);
        var disabled = ChangeOf(await NextCycle(), Ada);
        Server.Graph.EnableUser(Ada);
        var enabled = ChangeOf(await NextCycle(), Ada);

        Assert.Equal(LeftScopeReason.Disabled, disabled.LeftReason);
        Assert.True(disabled.User.IsSoftDeleted);
        Assert.Equal(ScopeChangeKind.Entered, enabled.Kind);
        Assert.False(enabled.User.IsSoftDeleted);
    }

    [Fact]
    public async Task DisabledUserThatIsUnassigned_IsStillReportedAsUnassigned()
    {
        Server.Graph.Unassign(Dennis);   // Dennis is disabled in the seed: already IsSoftDeleted

        var change = ChangeOf(await NextCycle(), Dennis);

        Assert.Equal(ScopeChangeKind.Left, change.Kind);
        Assert.Equal(LeftScopeReason.Unassigned, change.LeftReason);
    }

    [Fact]
    public async Task SoftDeletedThenRestored_LeavesAsSoftDeletedThenReentersWithItsAttributes()
    {
        Server.Graph.SoftDeleteUser(Grace);
        var deleted = ChangeOf(await NextCycle(), Grace);
        Server.Graph.RestoreUser(Grace);
        var restored = ChangeOf(await NextCycle(), Grace);

        Assert.Equal(LeftScopeReason.SoftDeleted, deleted.LeftReason);
        Assert.Equal(ScopeChangeKind.Entered, restored.Kind);
        Assert.Equal("Grace Hopper", restored.User.DisplayName);
        Assert.Equal(ScopeReasonKind.AssignedViaGroup, Assert.Single(restored.User.Reasons).Kind);
    }

    [Fact]
    public async Task HardDeleted_LeavesAsHardDeleted_AlsoWhenPurgedAfterAnEarlierSoftDelete()
    {
        Server.Graph.PurgeUser(Ada);
        Server.Graph.SoftDeleteUser(Katherine);
        var first = await NextCycle();
        Server.Graph.PurgeUser(Katherine);
        var second = await NextCycle();

        Assert.Equal(LeftScopeReason.HardDeleted, ChangeOf(first, Ada).LeftReason);
        Assert.Equal(LeftScopeReason.SoftDeleted, ChangeOf(first, Katherine).LeftReason);
        var purged = Assert.Single(second.UserChanges);
        Assert.Equal(Katherine, purged.UserId);
        Assert.Equal(LeftScopeReason.HardDeleted, purged.LeftReason);
    }

    [Fact]
    public async Task NewlyAssignedUser_EntersWithAttributesReadById()
    {
        Server.Graph.Assign(Barbara, UserRoleId);

        var change = ChangeOf(await NextCycle(), Barbara);

        Assert.Equal(ScopeChangeKind.Entered, change.Kind);
        Assert.True(change.User.Attributes.TryGetValue("department", out var dept));
        Assert.Equal("Architecture", dept);
        Assert.Equal("User", Assert.Single(change.User.Reasons).AppRoleName);
    }

    [Fact]
    public async Task AddedToAssignedGroup_EntersViaGroup_AndAttributeChangeIsChanged()
    {
        Server.Graph.AddGroupMember(ShareFileUsers, Margaret);
        Server.Graph.UpdateUser(Ada, "department", "Mathematics");

        var result = await NextCycle();

        var margaret = ChangeOf(result, Margaret);
        Assert.Equal(ScopeChangeKind.Entered, margaret.Kind);
        Assert.Equal("ShareFile Users", Assert.Single(margaret.User.Reasons).GroupDisplayName);
        var ada = ChangeOf(result, Ada);
        Assert.Equal(ScopeChangeKind.Changed, ada.Kind);
        Assert.True(ada.AttributesChanged);
        Assert.Equal("Mathematics", ada.User.Attributes.TryGetValue("department", out var d) ? d : null);
        Assert.Equal(new[] { Margaret }, Assert.Single(result.GroupChanges).AddedMemberIds);
    }

    [Fact]
    public async Task NewlyAssignedGroup_EntersWithItsMembers_AndAlreadyAssignedMemberGainsAReason()
    {
        Server.Graph.Assign(Finance, GroupRoleId);

        var result = await NextCycle();

        Assert.Equal(ScopeChangeKind.Entered, result.GroupChanges.Single(g => g.GroupId == Finance).Kind);
        Assert.Equal(ScopeChangeKind.Entered, ChangeOf(result, Margaret).Kind);
        var ada = ChangeOf(result, Ada);
        Assert.Equal(ScopeChangeKind.Changed, ada.Kind);
        Assert.Equal(2, ada.User.Reasons.Count);
    }

    [Fact]
    public async Task ChangeToAnOutOfScopeUser_IsNotReported()
    {
        Server.Graph.UpdateUser(Margaret, "department", "Treasury");

        var result = await NextCycle();

        Assert.Empty(result.UserChanges);
    }

    [Fact]
    public async Task GroupSplitOverDeltaPages_MembersDeltaIsMerged()
    {
        Server.Graph.DeltaMembersPageSize = 1;
        Server.Graph.AddGroupMember(ShareFileUsers, Margaret);
        Server.Graph.AddGroupMember(ShareFileUsers, Barbara);
        Server.Graph.RemoveGroupMember(ShareFileUsers, Katherine);

        var result = await NextCycle();

        var group = Assert.Single(result.GroupChanges);
        Assert.Equal(new[] { Barbara, Margaret }.OrderBy(i => i), group.AddedMemberIds.OrderBy(i => i));
        Assert.Equal(new[] { Katherine }, group.RemovedMemberIds);
        Assert.Equal(LeftScopeReason.RemovedFromGroup, ChangeOf(result, Katherine).LeftReason);
    }

    [Fact]
    public async Task ExpiredDeltaToken_FallsBackToAFullReadAndSaysSo()
    {
        Server.Graph.AdvanceClock(TimeSpan.FromDays(8));

        var result = await NextCycle();

        Assert.True(result.IsFullRead);
        Assert.True(result.FellBackToFullRead);
        Assert.Contains("syncStateNotFound", result.FallbackReason);
        Assert.Equal(5, result.Users.Count);
        Assert.NotNull(result.Watermark.UsersDeltaLink);
    }

    [Fact]
    public async Task GoneDeltaState_FallsBackToAFullRead_ThenIncrementalReadsResume()
    {
        Server.Graph.InjectDeltaGone("groups");

        var fallback = await NextCycle();
        var next = await NextCycle();

        Assert.True(fallback.FellBackToFullRead);
        Assert.Contains("410", fallback.FallbackReason);
        Assert.False(next.IsFullRead);
    }

    [Fact]
    public async Task ChangedAttributeSet_FallsBackToAFullRead()
    {
        var result = await _source.ReadChangesAsync(_watermark, new SourceReadOptions { Attributes = new[] { "jobTitle" } }, CancellationToken.None);

        Assert.True(result.FellBackToFullRead);
        Assert.Contains("attributes", result.FallbackReason);
    }
}
