using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>Stale plans, the deletion threshold, quarantine, the retry queue and the lock.</summary>
public sealed class SyncSafetyTests : SyncHarness
{
    private PlanRequest PlanRequest() => new()
    {
        Source = Source, ShareFile = ShareFile, Configuration = Configuration, State = State,
        Watermarks = new FileSourceWatermarkStore(Profile.StateDirectory), ProfileName = Profile.Name, Subdomain = "acme",
    };

    [Fact]
    public async Task SavedPlan_IsAppliedExactly_WhenCurrent()
    {
        var plan = (await PlanService.ComputeAsync(PlanRequest(), CancellationToken.None)).Plan;
        var (summary, results) = await SyncAsync(r => r.SavedPlan = plan);

        Assert.Equal(plan.PlanId, summary.PlanId);
        Assert.Equal(plan.Items.Where(i => i.IsExecutable).Select(i => i.ChangeId).OrderBy(x => x), results.Where(r => r.Item.IsExecutable).Select(r => r.ChangeId).OrderBy(x => x));
    }

    [Fact]
    public async Task StalePlan_IsRefused_NamingWhatChanged_AndNothingIsSent()
    {
        var plan = (await PlanService.ComputeAsync(PlanRequest(), CancellationToken.None)).Plan;
        Server.Graph.UpdateUser(Grace, "surname", "Murray");
        var before = Snapshot(Server);

        var e = await Assert.ThrowsAsync<PlanStaleException>(() => SyncAsync(r => r.SavedPlan = plan));

        Assert.Contains("source (Entra ID) changed", e.Message);
        Assert.Equal(before, Snapshot(Server));
        Assert.Empty(await State.LoadLinksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeletionThreshold_StagesDeprovisioning_RunsTheRest_ThenAllowDeletesLetsThemThrough()
    {
        await SyncAsync();
        Configuration.DeletionThreshold.Count = 1;
        Server.Graph.Unassign(Alan);
        Server.Graph.DisableUser(Ada);
        Server.Graph.UpdateUser(Grace, "surname", "Murray");

        var (held, heldResults) = await SyncAsync();
        Assert.True(held.ThresholdExceeded);
        Assert.Equal(2, heldResults.Count(r => r.Status == SyncActionStatus.Staged));
        Assert.Equal(SyncActionStatus.Success, Of(heldResults, Grace).Status);
        Assert.False(UserByEmail("alan.turing@contoso.example").IsDisabled);
        Assert.Equal("Murray", UserByEmail("grace.hopper@contoso.example").LastName);
        Assert.Equal(2, (await State.LoadStagedDeletesAsync(CancellationToken.None)).Count);
        Assert.False(held.WatermarkAdvanced);

        var (allowed, allowedResults) = await SyncAsync(r => r.AllowDeletes = true);
        Assert.All(allowedResults, r => Assert.Equal(SyncActionStatus.Success, r.Status));
        Assert.True(UserByEmail("alan.turing@contoso.example").IsDisabled);
        Assert.True(UserByEmail("ada.lovelace@contoso.example").IsDisabled);
        Assert.Empty(await State.LoadStagedDeletesAsync(CancellationToken.None));
        Assert.True(allowed.WatermarkAdvanced);
    }

    [Fact]
    public async Task FailureRateAboveTheBound_QuarantinesTheProfile_AndTheNextGoodRunClearsIt()
    {
        Configuration.Quarantine.MinimumActions = 2;
        await ShareFileTestKit.InjectFaultAsync(Server, new { kind = "Status", status = 400, pathPrefix = "/sf/v3/Users", method = "POST" });

        var e = await Assert.ThrowsAsync<SyncQuarantinedException>(() => SyncAsync());
        Assert.Equal("EncounteredEscrowProportionThreshold", e.Reason);
        Assert.Contains("quarantined", e.Message);
        var q = await State.LoadQuarantineAsync(CancellationToken.None);
        Assert.Equal("EncounteredEscrowProportionThreshold", q.Reason);
        Assert.Null(await new FileSourceWatermarkStore(Profile.StateDirectory).LoadAsync(CancellationToken.None));

        await ShareFileTestKit.ClearFaultsAsync(Server);
        var (summary, _) = await SyncAsync();
        Assert.Equal("Succeeded", summary.Status);
        Assert.Null(await State.LoadQuarantineAsync(CancellationToken.None));
        Assert.NotNull(UserByEmail("grace.hopper@contoso.example"));
    }

    [Fact]
    public async Task FailedAction_IsQueued_WithBackoff_AndRetriedWhenDue()
    {
        // A connection dropped on every attempt: transient, so it is queued for the next cycle.
        await ShareFileTestKit.InjectFaultAsync(Server, new { kind = "drop", count = 50, pathPrefix = "/sf/v3/Users", method = "POST" });
        var (first, results) = await SyncAsync(r => r.EscrowBackoff = new[] { TimeSpan.FromHours(6) });
        var failed = results.First(r => r.Status == SyncActionStatus.Failure);
        Assert.Equal("CompletedWithFailures", first.Status);
        Assert.True(first.WatermarkAdvanced);   // the failure is queued for retry
        var entry = (await State.LoadRetryQueueAsync(CancellationToken.None)).Single(e => e.ObjectId == failed.SourceId);
        Assert.Equal(1, entry.AttemptCount);
        Assert.InRange(entry.NextAttemptAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(-1), TimeSpan.FromMinutes(1));
        await ShareFileTestKit.ClearFaultsAsync(Server);

        // Due at once: the next cycle stays incremental, re-reads exactly the failed users and the create goes through.
        var (retry, retried) = await SyncAsync();
        Assert.Equal(PlanCycleType.Incremental, retry.CycleType);
        Assert.Equal(SyncActionStatus.Success, Of(retried, failed.SourceId).Status);
        Assert.Empty(await State.LoadRetryQueueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SecondSyncOnTheSameProfile_FailsFast_NamingTheHolder()
    {
        using var held = await State.AcquireLockAsync(CancellationToken.None);
        var e = await Assert.ThrowsAsync<StateLockedException>(() => SyncAsync());
        Assert.Contains(Environment.MachineName, e.Message);
        Assert.Empty(await State.LoadLinksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CreateWhoseOutcomeWasLost_IsLinkedByEmail_NotCreatedTwice()
    {
        // A run died after ShareFile created Grace but before the link was saved: only its pending create is on disk.
        var created = await ShareFile.CreateEmployeeAsync(new Engine.ShareFile.Models.SfCreateEmployeeRequest { Email = "grace.hopper@contoso.example", FirstName = "Grace", LastName = "Hopper" }, false, false, CancellationToken.None);
        await new PendingCreateStore(Profile.StateDirectory).AddAsync(new[] { new PendingCreate { SourceId = Grace, Email = "grace.hopper@contoso.example", RecordedAt = DateTimeOffset.UtcNow } }, CancellationToken.None);

        var (_, results) = await SyncAsync();

        Assert.DoesNotContain(results, r => r.SourceId == Grace && r.Action == PlanAction.Create);
        Assert.Single(Server.ShareFile.Users, u => string.Equals(u.Email, "grace.hopper@contoso.example", StringComparison.OrdinalIgnoreCase));
        Assert.True((await State.LoadLinksAsync(CancellationToken.None)).TryGetBySource(Grace, out var link) && link.TargetId == created.Id);
        Assert.Empty(new PendingCreateStore(Profile.StateDirectory).Pending);
    }

    [Fact]
    public async Task CreateAnswering409_AdoptsTheExistingAccount()
    {
        var plan = (await PlanService.ComputeAsync(PlanRequest(), CancellationToken.None)).Plan;
        var graceItem = plan.Items.Single(i => i.SourceId == Grace);
        Assert.Equal(PlanAction.Create, graceItem.Action);
        // Someone creates her between the plan and the sync; the sync computes its own plan, so apply the item directly.
        await ShareFile.CreateClientAsync(new Engine.ShareFile.Models.SfCreateClientRequest { Email = "grace.hopper@contoso.example", FirstName = "G", LastName = "H" }, false, false, CancellationToken.None);
        var results = new List<SyncActionResult>();
        using (var session = await SyncService.PrepareAsync(Request(r => r.SavedPlan = null), CancellationToken.None))
        {
            // The session's own plan already adopts her; force the stale create to prove the 409 path.
            session.Plan.Items.Clear();
            session.Plan.Items.Add(graceItem);
            await session.ExecuteAsync(null, results.Add, CancellationToken.None);
        }

        var r = Assert.Single(results);
        Assert.True(r.AdoptedOnConflict);
        Assert.Equal(SyncActionStatus.Success, r.Status);
        Assert.Single(Server.ShareFile.Users, u => string.Equals(u.Email, "grace.hopper@contoso.example", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Hopper", UserByEmail("grace.hopper@contoso.example").LastName);
    }
}

/// <summary>Authentication failures quarantine; deprovisioning modes (grace period, batched downgrade); notifications.</summary>
public sealed class SyncRailTests : SyncHarness
{
    private static readonly Dictionary<string, string> Mail = new()
    {
        [Ada] = "ada.lovelace@contoso.example", [Grace] = "grace.hopper@contoso.example", [Katherine] = "katherine.johnson@contoso.example",
    };

    [Fact]
    public async Task RejectedShareFileSignIn_QuarantinesTheProfile_WithTheReason_AndNoSecret()
    {
        using var bad = ShareFileTestKit.Client(Server, password: "Wrong-Password-123");
        var e = await Assert.ThrowsAsync<SyncQuarantinedException>(() => SyncAsync(r => r.ShareFile = bad));

        Assert.Equal("EncounteredQuarantineException", e.Reason);
        Assert.DoesNotContain("Wrong-Password-123", e.Message);
        Assert.Equal("EncounteredQuarantineException", (await State.LoadQuarantineAsync(CancellationToken.None)).Reason);
        Assert.Equal("Quarantined", (await State.LoadCycleHistoryAsync(CancellationToken.None)).Last().Status);

        var (summary, _) = await SyncAsync();
        Assert.Equal("Succeeded", summary.Status);
        Assert.Null(await State.LoadQuarantineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UnexpectedFailureMidCycle_KeepsTheLinksOfWhatWasDone_AndTheWatermark_ThenTheRerunFinishes()
    {
        var seen = 0;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SyncService.RunAsync(Request(r => r.ThrottleLimit = 1), r =>
        {
            if (++seen == 2) throw new InvalidOperationException("consumer failed");
        }, CancellationToken.None));

        Assert.Equal("consumer failed", e.Message);
        Assert.True((await State.LoadLinksAsync(CancellationToken.None)).Count >= 2);
        Assert.Null(await new Engine.Planning.FileSourceWatermarkStore(Profile.StateDirectory).LoadAsync(CancellationToken.None));
        Assert.Equal("Failed", (await State.LoadCycleHistoryAsync(CancellationToken.None)).Last().Status);

        var (summary, results) = await SyncAsync();
        Assert.Equal("Succeeded", summary.Status);
        Assert.DoesNotContain(results, r => r.Action == PlanAction.Create && r.AdoptedOnConflict);
        Assert.Empty(Server.ShareFile.Users.GroupBy(u => u.Email.ToLowerInvariant()).Where(g => g.Count() > 1));
    }

    [Fact]
    public async Task PlanItemAimedAtAnUnlinkedAccount_IsRefused_AndTheAccountIsUntouched()
    {
        await SyncAsync();
        var unmanaged = Server.ShareFile.Users.First(u => u.Email == ShareFileTestKit.UserEmail);
        var results = new List<SyncActionResult>();
        using (var session = await SyncService.PrepareAsync(Request(), CancellationToken.None))
        {
            session.Plan.Items.Clear();
            session.Plan.Items.Add(new PlanItem
            {
                ChangeId = "forged", Action = PlanAction.Disable, SourceId = Grace, TargetId = unmanaged.Id, TargetEmail = unmanaged.Email,
                Desired = new PlanUserValues { Enabled = false },
            });
            await session.ExecuteAsync(null, results.Add, CancellationToken.None);
        }

        var r = Assert.Single(results);
        Assert.Equal((SyncActionStatus.Failure, "NotManaged"), (r.Status, r.ErrorCode));
        Assert.False(Server.ShareFile.FindUser(unmanaged.Id).IsDisabled);
    }

    [Fact]
    public async Task DeleteWaitsForTheGracePeriod_DisablingMeanwhile()
    {
        Configuration.Deprovisioning.Action = Engine.Configuration.DeprovisioningAction.Delete;
        Configuration.Deprovisioning.GracePeriodDays = 7;
        await SyncAsync();
        Server.Graph.Unassign(Alan);

        var (_, first) = await SyncAsync();
        Assert.Equal(PlanAction.Disable, Assert.Single(first).Action);
        Assert.True((await State.LoadLinksAsync(CancellationToken.None)).TryGetBySource(Alan, out var link) && link.OutOfScopeSince != null);

        var (_, early) = await SyncAsync(r => { r.Full = true; r.Now = DateTimeOffset.UtcNow.AddDays(3); });
        Assert.DoesNotContain(early, r => r.SourceId == Alan && r.Item.IsExecutable);   // within the grace period: reported as skipped, nothing sent
        Assert.NotNull(UserByEmail("alan.turing@contoso.example"));

        var (_, late) = await SyncAsync(r => { r.Full = true; r.Now = DateTimeOffset.UtcNow.AddDays(8); });
        Assert.Equal((PlanAction.Delete, SyncActionStatus.Success), (Of(late, Alan).Action, Of(late, Alan).Status));
        Assert.Null(UserByEmail("alan.turing@contoso.example"));
    }

    [Fact]
    public async Task Downgrades_GoOutInOneBulkCall()
    {
        Configuration.Deprovisioning.Action = Engine.Configuration.DeprovisioningAction.DowngradeToClient;
        await SyncAsync();
        var employees = new[] { Ada, Grace, Katherine }.Where(id => Server.ShareFile.Users.Any(u => u.IsEmployee && u.Email == Mail[id])).ToList();
        Assert.True(employees.Count >= 2, "the default configuration creates employees");
        foreach (var id in employees) Server.Graph.DisableUser(id);

        var (_, results) = await SyncAsync();

        Assert.All(results, r => Assert.Equal((PlanAction.DowngradeToClient, SyncActionStatus.Success), (r.Action, r.Status)));
        Assert.Equal(employees.Count, results.Count);
        Assert.Equal(1, await ShareFileTestKit.CountAsync(Server, "POST /sf/v3/Users/Employees/Downgrade"));
        Assert.All(employees, id => Assert.False(Server.ShareFile.FindUser(Mail[id]).IsEmployee));
    }

    [Fact]
    public async Task StagedDeletes_SendOneNotificationThroughGraph()
    {
        Configuration.Notifications.Recipients.Add("it-ops@contoso.example");
        Configuration.Notifications.GraphSender = "margaret.hamilton@contoso.example";
        await SyncAsync();
        Configuration.DeletionThreshold.Count = 0;
        Server.Graph.Unassign(Alan);
        var channel = Engine.Notifications.GraphMailChannel.Create(
            new Engine.Source.Authentication.SourceSignInSettings { AccessToken = ShareFileTestKit.Secure("any-token"), GraphBaseUri = new Uri(Server.BaseUri + "v1.0") },
            "margaret.hamilton@contoso.example");
        var notifications = Engine.Notifications.NotificationService.For(Profile, Configuration.Notifications, channel);

        var trace = new RecordingTrace();
        var (summary, _) = await SyncAsync(r => { r.Notifications = notifications; r.Trace = trace; });
        Assert.True(trace.Lines.Any(l => l.Contains("Notification 'StagedDeletes': Sent")), string.Join("\n", trace.Lines.Where(l => l.Contains("otif"))));
        await SyncAsync(r => r.Notifications = notifications);   // the same condition again: no second mail

        Assert.Equal(1, summary.Staged);
        var mail = Assert.Single(Server.Graph.SentMail);
        Assert.Contains("it-ops@contoso.example", mail.Body);
    }
}
