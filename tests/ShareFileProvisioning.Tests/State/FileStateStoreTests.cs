using System.IO;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.State
{
    /// <summary>The state contract for <see cref="FileStateStore"/>, plus what only files can get wrong.</summary>
    public sealed class FileStateStoreTests : StateStoreContractTests, IDisposable
    {
        private readonly TempDirectory _dir = new TempDirectory();

        private string StateDirectory => _dir.Combine("profiles", "acme", "state");

        protected override IStateStore CreateStore() => new FileStateStore(StateDirectory);

        protected override IStateStore CreateSecondStoreOnSameState() => new FileStateStore(new ProfileLocator(_dir.Path).Get("acme"));

        public void Dispose() => _dir.Dispose();

        [Fact]
        public async Task A_temp_file_left_by_a_crashed_write_does_not_corrupt_state_and_is_cleaned_up_under_the_lock()
        {
            var store = CreateStore();
            await store.SaveLinksAsync(new[] { new ObjectLink { SourceId = "s1", TargetId = "t1", LinkedAt = DateTimeOffset.UtcNow } }, Ct);
            var stray = Path.Combine(StateDirectory, ".links.json.deadbeef.tmp");
            File.WriteAllText(stray, "{\"schemaVersion\":1,\"links\":[{\"sourceId\":\"s2\",\"tar");

            var links = await store.LoadLinksAsync(Ct);

            Assert.Equal("t1", Assert.Single(links).TargetId);
            using (await store.AcquireLockAsync(Ct))
            {
                Assert.False(File.Exists(stray));
            }
        }

        [Fact]
        public async Task Writes_replace_files_without_leaving_temp_files_and_keep_the_previous_version()
        {
            var store = CreateStore();
            await store.SaveDeltaLinksAsync(new DeltaLinks { Users = "a" }, Ct);
            await store.SaveDeltaLinksAsync(new DeltaLinks { Users = "b" }, Ct);

            Assert.Equal("b", (await store.LoadDeltaLinksAsync(Ct)).Users);
            Assert.Equal(new[] { "delta-links.json", "delta-links.json.previous" }, Directory.GetFiles(StateDirectory).Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal).ToArray());
            Assert.Contains("\"a\"", File.ReadAllText(Path.Combine(StateDirectory, "delta-links.json.previous")));
        }

        [Fact]
        public async Task A_stale_lock_left_by_a_dead_process_is_taken_over()
        {
            Directory.CreateDirectory(StateDirectory);
            File.WriteAllText(Path.Combine(StateDirectory, "state.lock"), "{}");
            File.WriteAllText(Path.Combine(StateDirectory, "state.lock.holder"),
                "{\"machineName\":\"OLDBOX\",\"processId\":999999,\"userName\":\"ghost\",\"since\":\"2020-01-01T00:00:00+00:00\"}");

            await using (var held = await CreateStore().AcquireLockAsync(Ct))
            {
                Assert.Equal(Environment.ProcessId, held.Holder.ProcessId);
                Assert.Contains("\"processId\": " + Environment.ProcessId, File.ReadAllText(Path.Combine(StateDirectory, "state.lock.holder")));
            }
            Assert.False(File.Exists(Path.Combine(StateDirectory, "state.lock.holder")));
        }

        [Fact]
        public async Task A_corrupt_state_file_is_reported_with_its_path()
        {
            Directory.CreateDirectory(StateDirectory);
            File.WriteAllText(Path.Combine(StateDirectory, "links.json"), "{\"links\":[{\"sourceId\":\"a\",\"targetId\":\"b\",\"objectType\":\"Robot\"}]}");

            var e = await Assert.ThrowsAsync<InvalidDataException>(() => CreateStore().LoadLinksAsync(Ct));

            Assert.Contains("links.json", e.Message);
            Assert.Contains("objectType", e.Message);
        }
    }
}
