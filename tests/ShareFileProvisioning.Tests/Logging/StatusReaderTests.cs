using System.Collections.Generic;
using System.Threading;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Configuration;
using static ShareFileProvisioning.Engine.Logging.ProvisioningAction;
using static ShareFileProvisioning.Engine.Logging.ProvisioningResult;

namespace ShareFileProvisioning.Tests.Logging;

public class StatusReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Status_combines_the_last_cycle_summary_with_retries_quarantine_staged_deletes_and_links()
    {
        var logs = new FileLogStore(_dir.Combine("logs"));
        var state = new FileStateStore(_dir.Combine("state"));
        var now = DateTimeOffset.UtcNow;
        await LogHarness.Cycle(logs, now.AddHours(-2), (Create, Success, "Old"));
        var last = await LogHarness.Cycle(logs, now.AddHours(-1), (Create, Success, "Ada"), (Update, Failure, "Alan"));
        await state.SaveRetryQueueAsync(new[]
        {
            new RetryQueueEntry { Action = "Update", ObjectId = "a", NextAttemptAt = now.AddHours(5) },
            new RetryQueueEntry { Action = "Create", ObjectId = "b", NextAttemptAt = now.AddMinutes(-5) },
        }, CancellationToken.None);
        await state.SaveQuarantineAsync(new QuarantineStatus { Reason = "TooManyDeletes", Since = now.AddHours(-1), Details = "501 > 500" }, CancellationToken.None);
        await state.SaveStagedDeletesAsync(new[] { new StagedDelete { SourceId = "x", Action = "Disable" }, new StagedDelete { SourceId = "y", Action = "Delete", Approved = true } }, CancellationToken.None);
        await state.SaveLinksAsync(new[]
        {
            new ObjectLink { SourceId = "u1", TargetId = "t1", ObjectType = LinkedObjectType.User },
            new ObjectLink { SourceId = "u2", TargetId = "t2", ObjectType = LinkedObjectType.User },
            new ObjectLink { SourceId = "g1", TargetId = "t3", ObjectType = LinkedObjectType.Group },
        }, CancellationToken.None);

        var status = await new ProvisioningStatusReader(logs, state).ReadAsync("contoso", CancellationToken.None, now);

        Assert.Equal(last.CycleId, status.LastCycle.CycleId);
        Assert.Equal(2, status.LastCycle.RecordCount);
        Assert.True(status.IsQuarantined);
        Assert.Equal("TooManyDeletes", status.QuarantineReason);
        Assert.Equal(2, status.PendingRetries);
        Assert.Equal(1, status.RetriesDueNow);
        Assert.Equal(now.AddMinutes(-5), status.NextRetryAt);
        Assert.Equal(1, status.StagedDeletes);
        Assert.Equal(2, status.LinkedUsers);
        Assert.Equal(1, status.LinkedGroups);
    }

    [Fact]
    public async Task Without_logs_the_last_cycle_comes_from_the_state_history_and_a_fresh_profile_shows_nothing()
    {
        var logs = new FileLogStore(_dir.Combine("logs"));
        var state = new FileStateStore(_dir.Combine("state"));

        var fresh = await new ProvisioningStatusReader(logs, state).ReadAsync("p", CancellationToken.None);
        Assert.Null(fresh.LastCycle);
        Assert.False(fresh.IsQuarantined);
        Assert.Null(fresh.NextRetryAt);

        await state.AppendCycleHistoryAsync(new CycleHistoryEntry
        {
            CycleId = "c-1", CycleType = "Initial", Status = "Succeeded", StartedAt = DateTimeOffset.UtcNow.AddMinutes(-3), CompletedAt = DateTimeOffset.UtcNow,
            Counts = new Dictionary<string, int> { ["Create"] = 4 },
        }, 10, CancellationToken.None);
        var status = await new ProvisioningStatusReader(logs, state).ReadAsync("p", CancellationToken.None);
        Assert.Equal("c-1", status.LastCycle.CycleId);
        Assert.Equal(4, status.LastCycle.CountOf(Create));
    }
}
