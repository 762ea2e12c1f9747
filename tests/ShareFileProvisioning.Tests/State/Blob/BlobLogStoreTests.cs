using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State.Blob;
using ShareFileProvisioning.Tests.Configuration;
using ShareFileProvisioning.Tests.Logging;
using static ShareFileProvisioning.Engine.Logging.ProvisioningAction;
using static ShareFileProvisioning.Engine.Logging.ProvisioningResult;

namespace ShareFileProvisioning.Tests.State.Blob
{
    /// <summary>Provisioning logs in the profile's container (logs/), against Azurite.</summary>
    [Collection(AzuriteCollection.Name)]
    public sealed class BlobLogStoreTests
    {
        private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);
        private readonly AzuriteFixture _azurite;
        private readonly string _container = AzuriteFixture.NewContainerName();
        private readonly BlobLogStore _store;

        public BlobLogStoreTests(AzuriteFixture azurite)
        {
            _azurite = azurite;
            _store = new BlobLogStore(Settings());
        }

        private BlobStateStoreSettings Settings() => new BlobStateStoreSettings
        {
            ContainerName = _container,
            ConnectionString = new NetworkCredential("", _azurite.ConnectionString).SecurePassword,
        };

        private BlobContainerClient Container => _azurite.Service.GetBlobContainerClient(_container);

        private string[] BlobNames() => Container.GetBlobs().Select(b => b.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        [Fact]
        public async Task A_cycle_is_an_append_blob_of_json_lines_and_a_summary_blob_under_logs()
        {
            var cycle = await LogHarness.Cycle(_store, new DateTimeOffset(2026, 11, 26, 9, 5, 7, TimeSpan.Zero),
                (Create, Success, "Ada Lovelace"), (Update, Failure, "Alan Turing"), (Create, Success, "Grace Hopper"));

            Assert.Equal(new[] { $"logs/20261126T090507000Z_{cycle.CycleId}.jsonl", $"logs/20261126T090507000Z_{cycle.CycleId}.summary.json" }, BlobNames());
            var records = Container.GetBlobClient($"logs/20261126T090507000Z_{cycle.CycleId}.jsonl");
            Assert.Equal(Azure.Storage.Blobs.Models.BlobType.Append, (await records.GetPropertiesAsync()).Value.BlobType);
            Assert.Equal(3, (await records.DownloadContentAsync()).Value.Content.ToString().TrimEnd('\n').Split('\n').Length);

            var summary = new BlobLogStore(Settings()).ReadLastCycle();
            Assert.Equal((cycle.CycleId, "Succeeded", 3, 2, 1, 7), (summary.CycleId, summary.Status, summary.RecordCount, summary.CountOf(Create), summary.CountOf(Failure), summary.Requests));
            Assert.Equal(new[] { "Ada Lovelace", "Alan Turing", "Grace Hopper" }, _store.ReadRecords(null).Select(r => r.SourceIdentity.DisplayName).ToArray());
        }

        [Fact]
        public async Task The_summary_says_Running_until_the_cycle_completes_and_no_writes_follow()
        {
            var cycle = ProvisioningCycleContext.Start("contoso", LogHarness.Tenant, "Initial");
            using var writer = await _store.BeginCycleAsync(cycle, CancellationToken.None);
            await writer.WriteAsync(LogHarness.Record(cycle, Create, Success, "Ada"), CancellationToken.None);

            Assert.True(_store.ReadLastCycle().IsRunning);
            Assert.Single(_store.ReadRecords(new ProvisioningLogQuery { CycleIds = new[] { cycle.CycleId } }));

            await writer.CompleteAsync(new CycleCompletion { Status = "Quarantined", QuarantineReason = "TooManyDeletes" }, null, CancellationToken.None);
            var read = _store.ReadLastCycle();
            Assert.Equal(("Quarantined", "TooManyDeletes"), (read.Status, read.QuarantineReason));
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(LogHarness.Record(cycle, Create, Success, "Late"), CancellationToken.None));
        }

        [Fact]
        public async Task A_long_cycle_rolls_over_to_further_append_blobs_and_reads_back_in_order()
        {
            _store.AppendsPerPart = 2; // Azure's limit is 50,000 appends per blob
            var cycle = await LogHarness.Cycle(_store, T0, (Create, Success, "A"), (Create, Success, "B"), (Create, Success, "C"), (Create, Success, "D"), (Create, Success, "E"));

            var stem = new LogFileNamesProbe(cycle).Stem;
            Assert.Equal(new[] { $"logs/{stem}.jsonl", $"logs/{stem}.jsonl.2", $"logs/{stem}.jsonl.3", $"logs/{stem}.summary.json" }, BlobNames());
            Assert.Equal(new[] { "A", "B", "C", "D", "E" }, new BlobLogStore(Settings()).ReadRecords(null).Select(r => r.SourceIdentity.DisplayName).ToArray());
            Assert.Equal(5, _store.ReadLastCycle().RecordCount);
        }

        [Fact]
        public async Task A_torn_last_line_is_skipped_and_filters_work_across_cycles()
        {
            var c1 = await LogHarness.Cycle(_store, T0, (Create, Success, "Ada Lovelace"), (Create, Failure, "Alan Turing"));
            var c2 = await LogHarness.Cycle(_store, T0.AddMinutes(40), (Update, Success, "Ada Lovelace"));
            var full = ProvisioningLogJson.Serialize(LogHarness.Record(c2, Create, Success, "Grace"));
            await Container.GetAppendBlobClient($"logs/{new LogFileNamesProbe(c2).Stem}.jsonl").AppendBlockAsync(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(full.Substring(0, full.Length / 2))));

            Assert.Equal(new[] { "Ada Lovelace", "Ada Lovelace", "Alan Turing" }, _store.ReadRecords(null).Select(r => r.SourceIdentity.DisplayName).ToArray());
            Assert.Equal(new[] { "Alan Turing" }, _store.ReadRecords(new ProvisioningLogQuery { Statuses = new[] { Failure } }).Select(r => r.SourceIdentity.DisplayName).ToArray());
            Assert.Equal(new[] { c2.CycleId }, _store.ReadRecords(new ProvisioningLogQuery { LastCycles = 1 }).Select(r => r.CycleId).ToArray());
            Assert.Equal(new[] { c2.CycleId, c1.CycleId }, _store.ReadCycles().Select(c => c.CycleId).ToArray());
        }

        [Fact]
        public async Task Retention_deletes_the_blobs_of_cycles_beyond_the_count_but_never_the_current_one()
        {
            _store.AppendsPerPart = 1;
            var ids = new List<string>();
            for (var i = 0; i < 3; i++) ids.Add((await LogHarness.Cycle(_store, T0.AddMinutes(i), (Create, Success, "U" + i), (Create, Success, "V" + i))).CycleId);

            var deleted = await _store.ApplyRetentionAsync(new LogRetentionSettings { Days = 0, Cycles = 2 }, keepCycleId: ids[0], CancellationToken.None);

            Assert.Equal(1, deleted);
            Assert.Equal(new[] { ids[2], ids[0] }, _store.ReadCycles().Select(c => c.CycleId).ToArray());
            Assert.DoesNotContain(BlobNames(), n => n.Contains(ids[1]));
        }

        [Fact]
        public async Task A_missing_container_reads_as_no_cycles()
        {
            Assert.Null(_store.ReadLastCycle());
            Assert.Empty(_store.ReadRecords(new ProvisioningLogQuery { LastCycles = 3 }));
            Assert.Equal(0, await _store.ApplyRetentionAsync(null, null, CancellationToken.None));
            Assert.False((await Container.ExistsAsync()).Value);
        }

        [Fact]
        public async Task The_factory_puts_logs_and_state_in_the_same_profile_container()
        {
            using var dir = new TempDirectory();
            var profile = new ProvisioningProfile("Acme", dir.Combine("acme"));
            var settings = new BlobStateStoreSettings { ContainerUri = _azurite.AccountUri, ConnectionString = Settings().ConnectionString };

            var logs = StateStoreFactory.CreateLogStore(profile, settings);
            var state = StateStoreFactory.CreateStateStore(profile, settings);
            await LogHarness.Cycle(logs, T0, (Create, Success, "Ada"));
            await state.SaveDeltaLinksAsync(new Engine.State.DeltaLinks { Users = "u" }, CancellationToken.None);

            Assert.Equal(_azurite.AccountUri + "/sfprov-acme/logs", logs.Location);
            var names = _azurite.Service.GetBlobContainerClient("sfprov-acme").GetBlobs().Select(b => b.Name).ToArray();
            Assert.Contains("state/delta-links.json", names);
            Assert.Equal(2, names.Count(n => n.StartsWith("logs/", StringComparison.Ordinal)));
            Assert.IsType<FileLogStore>(StateStoreFactory.CreateLogStore(profile));
            await _azurite.Service.DeleteBlobContainerAsync("sfprov-acme");
        }

        /// <summary>The blob stem the store uses: UTC start to the second, then the cycle id.</summary>
        private readonly struct LogFileNamesProbe
        {
            public LogFileNamesProbe(ProvisioningCycleContext cycle) =>
                Stem = cycle.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "_" + cycle.CycleId;

            public string Stem { get; }
        }
    }
}
