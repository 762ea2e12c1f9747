using System.Linq;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>
/// ShareFile feeds without IsDisabled (and paged by the server, 7 a page): the state is unknown, never "enabled", so a
/// disabled user is neither disabled again every full cycle nor left disabled when it should be re-enabled.
/// </summary>
public sealed class FeedStateSyncTests : SyncHarness
{
    protected override void Seed(ShareFileSeed seed)
    {
        seed.OmitFeedState = true;
        seed.ServerPageSize = 7;
        seed.Account.UserMax = null;
        // Unmanaged users nobody decides about: their state must not be asked for.
        // Listed first, so the users the sync adopts sit on later pages.
        seed.Users.InsertRange(0, Enumerable.Range(0, 15).Select(i => new SeedUser { Email = $"bystander{i:00}@acme.com", FirstName = "By", LastName = $"Stander{i}" }));
    }

    [Fact]
    public async Task FullCycles_DisableAUserOnce_AndDoNotDisableItAgain()
    {
        await SyncAsync();
        Server.Graph.Unassign(Alan);
        var (_, first) = await SyncAsync(r => r.Full = true);
        Assert.Equal(PlanAction.Disable, Of(first, Alan).Action);
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);

        Server.Control.ClearRequestLog();
        var (summary, second) = await SyncAsync(r => r.Full = true);

        Assert.DoesNotContain(second, r => r.SourceId == Alan && r.Action == PlanAction.Disable);
        Assert.Equal(0, Server.Control.CountOf("PATCH /sf/v3/Users(id)"));
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);
        Assert.True(summary.PlanTimings.UserStateLookups > 0);
    }

    [Fact]
    public async Task FullCycle_ReEnablesAUserTheFeedDoesNotShowAsDisabled()
    {
        await SyncAsync();
        Server.Graph.Unassign(Alan);
        await SyncAsync();                                   // incremental: disabled in ShareFile
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);
        Server.Graph.Assign(Alan);

        var (_, results) = await SyncAsync(r => r.Full = true);

        Assert.Equal((PlanAction.Enable, SyncActionStatus.Success), (Of(results, Alan).Action, Of(results, Alan).Status));
        Assert.False(UserByEmail("alan.turing@contoso.example").IsDisabled);
    }

    [Fact]
    public async Task IncrementalCycles_ReadTheStateWithTheUser_AndSendNothingTwice()
    {
        await SyncAsync();
        Server.Graph.Unassign(Alan);
        var (_, first) = await SyncAsync();
        Server.Control.ClearRequestLog();
        var (_, second) = await SyncAsync();

        Assert.Equal(PlanAction.Disable, Assert.Single(first).Action);
        Assert.Empty(second);
        Assert.Equal(0, Server.Control.CountOf("PATCH /sf/v3/Users(id)"));
    }

    [Fact]
    public async Task OnlyUsersWhosePlanDependsOnTheState_AreAskedFor_AndTheCountIsReported()
    {
        await SyncAsync();
        var linked = (await State.LoadLinksAsync(default)).Count(l => l.ObjectType == Engine.State.LinkedObjectType.User);
        Server.Control.ClearRequestLog();

        var (summary, _) = await SyncAsync(r => r.Full = true);

        var asked = Server.Control.CountOf("GET /sf/v3/Users(id)");
        Assert.Equal(linked, summary.PlanTimings.UserStateLookups);
        Assert.Equal(linked, asked);
        Assert.True(Server.ShareFile.Users.Count > linked + 15, "the bystanders and seeded users were listed but not asked for");
    }

    [Fact]
    public async Task ServerPagedFeeds_AreFollowedToTheEnd_SoNoListedUserIsMissed()
    {
        var (summary, results) = await SyncAsync();

        Assert.Equal("Succeeded", summary.Status);
        Assert.Equal(3, Server.Control.CountOf("GET /sf/v3/Accounts/Employees"));   // 21 employees, 7 a page
        Assert.Equal(PlanAction.Adopt, Of(results, Ada).Action);   // ada.lovelace@contoso.example is on the third page
        Assert.DoesNotContain(results, r => r.Item.IsExecutable && r.Status != SyncActionStatus.Success);
    }
}
