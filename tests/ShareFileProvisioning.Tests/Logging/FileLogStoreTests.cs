using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Tests.Configuration;
using static ShareFileProvisioning.Engine.Logging.ProvisioningAction;
using static ShareFileProvisioning.Engine.Logging.ProvisioningResult;

namespace ShareFileProvisioning.Tests.Logging;

public class FileLogStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FileLogStore _store;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);

    public FileLogStoreTests() => _store = new FileLogStore(_dir.Combine("logs"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_cycle_is_one_jsonl_file_named_by_start_time_and_cycle_id_plus_a_summary()
    {
        var cycle = await LogHarness.Cycle(_store, new DateTimeOffset(2026, 11, 26, 9, 5, 7, TimeSpan.Zero),
            (Create, Success, "Ada Lovelace"), (Update, Failure, "Alan Turing"), (Create, Success, "Grace Hopper"));

        var files = Directory.GetFiles(_dir.Combine("logs")).Select(Path.GetFileName).OrderBy(f => f).ToArray();
        Assert.Equal(new[] { $"20261126T090507000Z_{cycle.CycleId}.jsonl", $"20261126T090507000Z_{cycle.CycleId}.summary.json" }, files);
        Assert.Equal(3, File.ReadAllLines(_dir.Combine("logs", files[0])).Length);

        var summary = _store.ReadLastCycle();
        Assert.Equal(cycle.CycleId, summary.CycleId);
        Assert.Equal("Incremental", summary.CycleType);
        Assert.Equal("Succeeded", summary.Status);
        Assert.Equal(3, summary.RecordCount);
        Assert.Equal(2, summary.CountOf(Create));
        Assert.Equal(1, summary.CountOf(Failure));
        Assert.Equal(7, summary.Requests);
        Assert.NotNull(summary.CompletedAt);
        Assert.Equal(cycle.JobId, summary.JobId);
    }

    [Fact]
    public async Task The_summary_says_Running_until_the_cycle_completes()
    {
        var cycle = ProvisioningCycleContext.Start("contoso", LogHarness.Tenant, "Initial");
        using var writer = await _store.BeginCycleAsync(cycle, CancellationToken.None);
        await writer.WriteAsync(LogHarness.Record(cycle, Create, Success, "Ada"), CancellationToken.None);

        Assert.True(_store.ReadLastCycle().IsRunning);
        Assert.Single(_store.ReadRecords(new ProvisioningLogQuery { CycleIds = new[] { cycle.CycleId } }));

        var done = await writer.CompleteAsync(new CycleCompletion { Status = "Quarantined", QuarantineReason = "TooManyDeletes", Retries = 2, ThrottleWaits = 1, ThrottleWaitTime = TimeSpan.FromSeconds(3) }, null, CancellationToken.None);
        var read = _store.ReadLastCycle();
        Assert.False(read.IsRunning);
        Assert.Equal("Quarantined", read.Status);
        Assert.Equal("TooManyDeletes", read.QuarantineReason);
        Assert.Equal(2, read.Retries);
        Assert.Equal(3000, read.ThrottleWaitMilliseconds);
        Assert.Equal(done.DurationInMilliseconds, read.DurationInMilliseconds);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(LogHarness.Record(cycle, Create, Success, "Late"), CancellationToken.None));
    }

    [Fact]
    public async Task Filters_select_by_cycle_last_cycles_status_action_and_identity()
    {
        var c1 = await LogHarness.Cycle(_store, T0, (Create, Success, "Ada Lovelace"), (Create, Failure, "Alan Turing"));
        var c2 = await LogHarness.Cycle(_store, T0.AddMinutes(40), (Update, Success, "Ada Lovelace"), (Disable, Success, "Dennis Ritchie"));
        var c3 = await LogHarness.Cycle(_store, T0.AddMinutes(80), (StagedDelete, Skipped, "Grace Hopper"), (Update, Failure, "Ada Lovelace"));

        string[] Names(ProvisioningLogQuery q) => _store.ReadRecords(q).Select(r => r.CycleId == c1.CycleId ? "1:" + r.SourceIdentity.DisplayName : r.CycleId == c2.CycleId ? "2:" + r.SourceIdentity.DisplayName : "3:" + r.SourceIdentity.DisplayName).ToArray();

        Assert.Equal(new[] { "3:Grace Hopper", "3:Ada Lovelace", "2:Ada Lovelace", "2:Dennis Ritchie", "1:Ada Lovelace", "1:Alan Turing" }, Names(new ProvisioningLogQuery()));
        Assert.Equal(new[] { "2:Ada Lovelace", "2:Dennis Ritchie" }, Names(new ProvisioningLogQuery { CycleIds = new[] { c2.CycleId.ToUpperInvariant() } }));
        Assert.Equal(new[] { "3:Grace Hopper", "3:Ada Lovelace", "2:Ada Lovelace", "2:Dennis Ritchie" }, Names(new ProvisioningLogQuery { LastCycles = 2 }));
        Assert.Equal(new[] { "3:Ada Lovelace", "1:Alan Turing" }, Names(new ProvisioningLogQuery { Statuses = new[] { Failure } }));
        Assert.Equal(new[] { "3:Grace Hopper" }, Names(new ProvisioningLogQuery { Actions = new[] { StagedDelete } }));
        Assert.Equal(new[] { "3:Ada Lovelace", "2:Ada Lovelace", "1:Ada Lovelace" }, Names(new ProvisioningLogQuery { Identity = "ADA.lovelace@contoso.example" }));
        Assert.Equal(new[] { "2:Dennis Ritchie" }, Names(new ProvisioningLogQuery { Identity = "Dennis*" }));
        Assert.Equal(new[] { "1:Alan Turing" }, Names(new ProvisioningLogQuery { Identity = "id-Alan Turing" }));
        Assert.Equal(new[] { "3:Ada Lovelace" }, Names(new ProvisioningLogQuery { LastCycles = 1, Statuses = new[] { Failure }, Actions = new[] { Update, Create }, Identity = "ada*" }));
        Assert.Empty(Names(new ProvisioningLogQuery { LastCycles = 1, CycleIds = new[] { c1.CycleId } }));
    }

    [Fact]
    public async Task A_torn_last_line_from_a_crash_is_skipped_and_the_rest_is_read()
    {
        var cycle = await LogHarness.Cycle(_store, T0, (Create, Success, "Ada"), (Create, Success, "Alan"));
        var file = Directory.GetFiles(_dir.Combine("logs"), "*.jsonl").Single();
        var full = ProvisioningLogJson.Serialize(LogHarness.Record(cycle, Create, Success, "Grace"));
        File.AppendAllText(file, full.Substring(0, full.Length / 2));

        var names = _store.ReadRecords(null).Select(r => r.SourceIdentity.DisplayName).ToArray();

        Assert.Equal(new[] { "Ada", "Alan" }, names);
    }

    [Fact]
    public async Task Reads_are_streamed_so_lines_appended_while_reading_are_seen()
    {
        var cycle = await LogHarness.Cycle(_store, T0, (Create, Success, "Ada"), (Create, Success, "Alan"));
        var file = Directory.GetFiles(_dir.Combine("logs"), "*.jsonl").Single();

        var seen = new List<string>();
        foreach (var record in _store.ReadRecords(null))
        {
            seen.Add(record.SourceIdentity.DisplayName);
            if (seen.Count == 1)
            {
                // A running cycle appends while an admin reads: the reader shares the file and picks it up.
                using var append = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                var bytes = System.Text.Encoding.UTF8.GetBytes(ProvisioningLogJson.Serialize(LogHarness.Record(cycle, Update, Success, "Grace")) + "\n");
                append.Write(bytes, 0, bytes.Length);
            }
        }

        Assert.Equal(new[] { "Ada", "Alan", "Grace" }, seen);
    }

    [Fact]
    public async Task Retention_by_days_deletes_older_cycles_at_the_end_of_a_cycle()
    {
        var old = await LogHarness.Cycle(_store, DateTimeOffset.UtcNow.AddDays(-40), (Create, Success, "Old"));
        var recent = await LogHarness.Cycle(_store, DateTimeOffset.UtcNow.AddDays(-2), (Create, Success, "Recent"));

        var cycle = ProvisioningCycleContext.Start("contoso", LogHarness.Tenant, "Incremental");
        using (var writer = await _store.BeginCycleAsync(cycle, CancellationToken.None))
            await writer.CompleteAsync(new CycleCompletion(), new LogRetentionSettings { Days = 30 }, CancellationToken.None);

        var ids = _store.ReadCycles().Select(c => c.CycleId).ToArray();
        Assert.Equal(new[] { cycle.CycleId, recent.CycleId }, ids);
        Assert.Empty(Directory.GetFiles(_dir.Combine("logs"), "*" + old.CycleId + "*"));
    }

    [Fact]
    public async Task Retention_by_count_keeps_the_newest_cycles_including_the_current_one()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add((await LogHarness.Cycle(_store, T0.AddMinutes(i), (Create, Success, "U" + i))).CycleId);

        var deleted = await _store.ApplyRetentionAsync(new LogRetentionSettings { Days = 0, Cycles = 2 }, keepCycleId: ids[0], CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(new[] { ids[3], ids[0] }, _store.ReadCycles().Select(c => c.CycleId).ToArray());
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ApplyRetentionAsync(new LogRetentionSettings { Days = -1 }, null, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_writers_produce_whole_lines_and_exact_counts()
    {
        var cycle = ProvisioningCycleContext.Start("contoso", LogHarness.Tenant, "Initial");
        using var writer = await _store.BeginCycleAsync(cycle, CancellationToken.None);
        const int workers = 8, perWorker = 150;

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
                await writer.WriteAsync(LogHarness.Record(cycle, i % 3 == 0 ? Update : Create, i % 5 == 0 ? Failure : Success, $"W{w}-{i}"), CancellationToken.None);
        })));
        var summary = await writer.CompleteAsync(new CycleCompletion(), null, CancellationToken.None);

        var lines = File.ReadAllLines(Directory.GetFiles(_dir.Combine("logs"), "*.jsonl").Single());
        Assert.Equal(workers * perWorker, lines.Length);
        var records = lines.Select(ProvisioningLogJson.Deserialize).ToList();
        Assert.Equal(workers * perWorker, records.Select(r => r.SourceIdentity.DisplayName).Distinct().Count());
        Assert.Equal(workers * perWorker, summary.RecordCount);
        Assert.Equal(records.Count(r => r.ProvisioningAction == Update), summary.CountOf(Update));
        Assert.Equal(workers * 30, summary.CountOf(Failure));
    }

    [Fact]
    public async Task An_empty_or_missing_log_folder_reads_as_no_cycles()
    {
        Assert.Null(_store.ReadLastCycle());
        Assert.Empty(_store.ReadRecords(new ProvisioningLogQuery { LastCycles = 3 }));
        Assert.Equal(0, await _store.ApplyRetentionAsync(null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Files_that_are_not_cycle_logs_are_ignored()
    {
        Directory.CreateDirectory(_dir.Combine("logs"));
        File.WriteAllText(_dir.Combine("logs", "notes.jsonl"), "{}");
        File.WriteAllText(_dir.Combine("logs", ".20261126T090507Z_x.summary.json.ab12.tmp"), "{");
        await LogHarness.Cycle(_store, T0, (Create, Success, "Ada"));

        Assert.Single(_store.ReadCycles());
        Assert.Single(_store.ReadRecords(null));
    }
}
