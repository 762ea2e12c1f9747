using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Sync;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>Token expiry, 429 storms and 5xx faults: the final ShareFile state equals a fault-free run's.</summary>
public sealed class SyncFaultTests : SyncHarness
{
    private async Task<List<string>> FaultFreeSnapshotAsync()
    {
        var seed = ShareFileSeed.Default();
        seed.Users.Add(new SeedUser { Email = "ada.lovelace@contoso.example", FirstName = "Ada", LastName = "Byron", Company = "Contoso" });
        await using var clean = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed });
        using var source = await Connect(clean);
        using var client = ShareFileTestKit.Client(clean);
        using var dir = new Configuration.TempDirectory();
        await SyncService.RunAsync(new SyncRequest
        {
            Source = source, ShareFile = client, Profile = new Engine.Configuration.ProvisioningProfile("acme", dir.Path), Configuration = Configuration, TenantId = TenantId,
        }, null, CancellationToken.None);
        return Snapshot(clean);
    }

    [Fact]
    public async Task TokenExpiredMidCycle_IsRenewed_AndEveryActionSucceeds()
    {
        var expired = 0;
        var results = new List<SyncActionResult>();
        var summary = await SyncService.RunAsync(Request(r => r.ThrottleLimit = 1), r =>
        {
            results.Add(r);
            if (Interlocked.Exchange(ref expired, 1) == 0) ShareFileTestKit.ExpireTokensAsync(Server).GetAwaiter().GetResult();
        }, CancellationToken.None);

        Assert.Equal(1, expired);
        Assert.True(results.Count > 1);
        Assert.All(results.Where(r => r.Item.IsExecutable), r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.Equal("Succeeded", summary.Status);
        Assert.Equal(await FaultFreeSnapshotAsync(), Snapshot(Server));
    }

    [Fact]
    public async Task TooManyRequestsStorm_BacksOff_AndEndsInTheFaultFreeState()
    {
        await ShareFileTestKit.InjectFaultAsync(Server, new { kind = "Status", status = 429, fraction = 0.5, retryAfterSeconds = 1, pathPrefix = "/sf/v3/Users" });
        var (summary, results) = await SyncAsync(r => r.ThrottleLimit = 8);

        Assert.All(results.Where(r => r.Item.IsExecutable), r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.True(summary.ThrottledResponses > 0, "the storm was seen");
        Assert.True(summary.Retries > 0);
        await ShareFileTestKit.ClearFaultsAsync(Server);
        Assert.Equal(await FaultFreeSnapshotAsync(), Snapshot(Server));
    }

    [Fact]
    public async Task ServerErrors_AreRetried_AndEndInTheFaultFreeState()
    {
        await ShareFileTestKit.InjectFaultAsync(Server, new { kind = "Status", status = 503, fraction = 0.4, pathPrefix = "/sf/v3/Users" });
        var (summary, results) = await SyncAsync();

        await ShareFileTestKit.ClearFaultsAsync(Server);
        Assert.All(results.Where(r => r.Item.IsExecutable), r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.True(summary.Retries > 0);
        Assert.Equal(await FaultFreeSnapshotAsync(), Snapshot(Server));
    }
}
