using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>Initial and incremental cycles over real HTTP: what the plan says is what ShareFile ends up with.</summary>
public sealed class SyncCycleTests : SyncHarness
{
    [Fact]
    public async Task InitialCycle_CreatesAndAdopts_LinksEveryone_AdvancesTheWatermark_AndLogsEachAction()
    {
        var (summary, results) = await SyncAsync();

        Assert.Equal(PlanCycleType.Initial, summary.CycleType);
        Assert.Equal("Succeeded", summary.Status);
        Assert.All(results.Where(r => r.Item.IsExecutable), r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.Equal(PlanAction.Adopt, Of(results, Ada).Action);
        Assert.Equal("Lovelace", UserByEmail("ada.lovelace@contoso.example").LastName);
        var grace = Of(results, Grace);
        Assert.Equal(PlanAction.Create, grace.Action);
        Assert.Equal(grace.ShareFileId, UserByEmail("grace.hopper@contoso.example").Id);
        Assert.Null(UserByEmail("dennis.ritchie@contoso.example"));   // disabled in Entra: never created
        var links = await State.LoadLinksAsync(CancellationToken.None);
        Assert.True(links.TryGetBySource(Grace, out var link) && link.TargetId == grace.ShareFileId && link.CreatedByUs);
        Assert.True(summary.WatermarkAdvanced);
        Assert.True(summary.Requests > 0);
        var logged = new FileLogStore(Profile).ReadRecords(new ProvisioningLogQuery { CycleIds = new[] { summary.CycleId } }).ToList();
        Assert.Equal(results.Count, logged.Count);
        Assert.Contains(logged, r => r.ProvisioningAction == ProvisioningAction.Create && r.SourceIdentity.Id == Grace && r.TargetIdentity.Id == grace.ShareFileId);
        Assert.Empty(new PendingCreateStore(Profile.StateDirectory).Pending);
    }

    [Fact]
    public async Task SecondCycle_IsIncremental_AndSendsNothingWhenNothingChanged()
    {
        await SyncAsync();
        var (summary, results) = await SyncAsync();

        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
        Assert.Empty(results);
        Assert.Equal("Succeeded", summary.Status);
    }

    [Fact]
    public async Task Incremental_AttributeChange_IsOnePatchOfThatAttribute()
    {
        await SyncAsync();
        Server.Graph.UpdateUser(Grace, "surname", "Murray");
        var (summary, results) = await SyncAsync();

        var r = Assert.Single(results);
        Assert.Equal((PlanAction.Update, SyncActionStatus.Success), (r.Action, r.Status));
        Assert.Equal("Murray", UserByEmail("grace.hopper@contoso.example").LastName);
        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
    }

    [Fact]
    public async Task Incremental_UnassignDisablesAndReassignEnables()
    {
        await SyncAsync();
        Server.Graph.Unassign(Alan);
        var (_, first) = await SyncAsync();
        Assert.Equal(PlanAction.Disable, Assert.Single(first).Action);
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);

        Server.Graph.Assign(Alan);
        var (_, second) = await SyncAsync();
        Assert.Equal(PlanAction.Enable, Assert.Single(second).Action);
        Assert.False(UserByEmail("alan.turing@contoso.example").IsDisabled);
    }

    [Fact]
    public async Task Incremental_DisableSoftDeleteRestore()
    {
        await SyncAsync();
        Server.Graph.DisableUser(Ada);
        Server.Graph.SoftDeleteUser(Grace);
        var (_, off) = await SyncAsync();
        Assert.Equal(PlanAction.Disable, Of(off, Ada).Action);
        Assert.Equal(PlanAction.Disable, Of(off, Grace).Action);
        Assert.True(UserByEmail("ada.lovelace@contoso.example").IsDisabled);
        Assert.True(UserByEmail("grace.hopper@contoso.example").IsDisabled);

        Server.Graph.RestoreUser(Grace);
        var (_, on) = await SyncAsync();
        Assert.Equal(PlanAction.Enable, Of(on, Grace).Action);
        Assert.False(UserByEmail("grace.hopper@contoso.example").IsDisabled);
        Assert.True(UserByEmail("ada.lovelace@contoso.example").IsDisabled);
    }

    [Fact]
    public async Task Incremental_HardDelete_DeletesWithTheReassignTarget_AndDropsTheLink()
    {
        Configuration.Deprovisioning.Action = DeprovisioningAction.Delete;
        await SyncAsync();
        var graceId = UserByEmail("grace.hopper@contoso.example").Id;
        Server.Graph.SoftDeleteUser(Grace);
        Server.Graph.PurgeUser(Grace);
        var (_, results) = await SyncAsync();

        var r = Of(results, Grace);
        Assert.Equal((PlanAction.Delete, SyncActionStatus.Success), (r.Action, r.Status));
        Assert.Null(Server.ShareFile.FindUser(graceId));
        Assert.False((await State.LoadLinksAsync(CancellationToken.None)).TryGetBySource(Grace, out _));
        Assert.Equal(1, await Tests.ShareFile.ShareFileTestKit.CountPrefixAsync(Server, "DELETE /sf/v3/Users"));
    }

    [Fact]
    public async Task NewlyAssignedUser_MatchingAnExistingAccount_IsAdoptedNotDuplicated()
    {
        await SyncAsync();
        Server.Graph.Assign("7bd2ad8e-8888-4f9a-9b0c-1d2e3f4a5b08");   // Barbara
        await ShareFile.CreateClientAsync(new Engine.ShareFile.Models.SfCreateClientRequest { Email = "barbara.liskov@contoso.example", FirstName = "B", LastName = "Liskov" }, false, false, CancellationToken.None);
        var (_, results) = await SyncAsync();

        var r = Assert.Single(results);
        Assert.Equal(PlanAction.Adopt, r.Action);
        Assert.Single(Server.ShareFile.Users, u => string.Equals(u.Email, "barbara.liskov@contoso.example", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Barbara", UserByEmail("barbara.liskov@contoso.example").FirstName);
    }
}
