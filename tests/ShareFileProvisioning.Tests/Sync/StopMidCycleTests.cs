using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>
/// Stopping a sync (Ctrl+C) while creates are applied in ShareFile but their answers are still on the way: the creates
/// finish and are linked, so nothing ShareFile holds is left unrecorded.
/// </summary>
public sealed class StopMidCycleTests : SyncHarness
{
    [Fact]
    public async Task StoppedWhileCreatesAwaitTheirAnswers_EveryCreatedAccountIsLinked()
    {
        var before = Server.ShareFile.Users.Select(u => u.Id).ToHashSet();
        Server.Control.InjectFaults(new FaultRule { Kind = FaultKind.SlowAnswer, HoldMilliseconds = 1500, Method = "POST", PathPrefix = "/sf/v3/Users" });
        using var stop = new CancellationTokenSource();

        var run = SyncService.RunAsync(Request(), null, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && Server.ShareFile.Users.All(u => before.Contains(u.Id))) await Task.Delay(20);
        stop.Cancel();   // the creates are applied, their answers held

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var created = Server.ShareFile.Users.Where(u => !before.Contains(u.Id)).ToList();
        Assert.NotEmpty(created);
        var links = await State.LoadLinksAsync(CancellationToken.None);
        Assert.All(created, u => Assert.True(links.TryGetByTarget(u.Id, out _), $"{u.Email} was created but is not linked"));
    }
}
