using System.Linq;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>Graph delta as it really behaves: empty pages that still carry a nextLink, and changes reported again in a later round.</summary>
public sealed class DeltaQuirkSyncTests : SyncHarness
{
    [Fact]
    public async Task EmptyDeltaPages_AreFollowed_AndTheIncrementalCycleSeesTheChange()
    {
        Server.Graph.DeltaEmptyPages = true;
        Server.Graph.DeltaPageSize = 2;
        var (initial, _) = await SyncAsync();
        Server.Graph.UpdateUser(Grace, "surname", "Murray");

        var (summary, results) = await SyncAsync();

        Assert.True(initial.WatermarkAdvanced);
        Assert.Equal(PlanCycleType.Incremental, summary.CycleType);
        Assert.Equal((PlanAction.Update, SyncActionStatus.Success), (Assert.Single(results).Action, results[0].Status));
        Assert.Equal("Murray", UserByEmail("grace.hopper@contoso.example").LastName);
    }

    [Fact]
    public async Task ReplayedChanges_AreNotAppliedTwice()
    {
        await SyncAsync();
        Server.Graph.DeltaReplays = true;
        Server.Graph.UpdateUser(Grace, "surname", "Murray");
        Server.Graph.Unassign(Alan);
        var (_, first) = await SyncAsync();
        Server.Control.ClearRequestLog();

        var (summary, replayed) = await SyncAsync();   // the same two changes come again

        Assert.Equal(new[] { PlanAction.Disable, PlanAction.Update }.OrderBy(a => a), first.Select(r => r.Action).OrderBy(a => a));
        Assert.Equal("Succeeded", summary.Status);
        Assert.Empty(replayed);
        Assert.Equal(0, Server.Control.CountOf("PATCH /sf/v3/Users(id)"));
        Assert.Equal("Murray", UserByEmail("grace.hopper@contoso.example").LastName);
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);
    }
}
