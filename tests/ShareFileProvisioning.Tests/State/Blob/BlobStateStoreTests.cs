using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.State.Blob;

namespace ShareFileProvisioning.Tests.State.Blob
{
    /// <summary>What only the blob store can get wrong: ETags, leases, container creation, SAS sign-in.</summary>
    [Collection(AzuriteCollection.Name)]
    public sealed class BlobStateStoreTests
    {
        private static readonly CancellationToken Ct = CancellationToken.None;
        private readonly AzuriteFixture _azurite;
        private readonly string _container = AzuriteFixture.NewContainerName();

        public BlobStateStoreTests(AzuriteFixture azurite) => _azurite = azurite;

        private static System.Security.SecureString Secure(string s) => new NetworkCredential("", s).SecurePassword;

        private BlobStateStoreSettings Settings(TimeSpan? lease = null) => new BlobStateStoreSettings
        {
            ContainerUri = _azurite.ContainerUri(_container),
            ConnectionString = Secure(_azurite.ConnectionString),
            LeaseDuration = lease ?? BlobStateStoreSettings.MaximumLeaseDuration,
        };

        private BlobStateStore Store(TimeSpan? lease = null) => new BlobStateStore(Settings(lease));

        private BlobContainerClient Container => _azurite.Service.GetBlobContainerClient(_container);

        private static ObjectLink Link(string source, string target) => new ObjectLink { SourceId = source, TargetId = target, LinkedAt = DateTimeOffset.UtcNow };

        [Fact]
        public async Task An_interleaved_write_from_a_stale_reader_fails_naming_the_blob_and_keeps_the_other_writers_data()
        {
            var first = Store();
            var second = Store();
            await first.SaveLinksAsync(new[] { Link("s1", "t1") }, Ct);

            var seenBySecond = await second.LoadLinksAsync(Ct);
            var seenByFirst = await first.LoadLinksAsync(Ct);
            seenByFirst.Upsert(Link("s2", "t2"));
            await first.SaveLinksAsync(seenByFirst, Ct);
            seenBySecond.Upsert(Link("s3", "t3"));
            var e = await Assert.ThrowsAsync<BlobStateConflictException>(() => second.SaveLinksAsync(seenBySecond, Ct));

            Assert.Equal("state/links.json", e.BlobName);
            Assert.Contains("state/links.json", e.Message);
            Assert.Contains(_container, e.Message);
            var stored = await Store().LoadLinksAsync(Ct);
            Assert.Equal(new[] { "s1", "s2" }, stored.Select(l => l.SourceId).OrderBy(s => s).ToArray());
            // After reloading, the second writer can save on top of the current version.
            var reloaded = await second.LoadLinksAsync(Ct);
            reloaded.Upsert(Link("s3", "t3"));
            await second.SaveLinksAsync(reloaded, Ct);
            Assert.Equal(3, (await first.LoadLinksAsync(Ct)).Count);
        }

        [Fact]
        public async Task Two_writers_that_both_saw_no_blob_cannot_both_create_it()
        {
            var first = Store();
            var second = Store();
            Assert.Null(await first.LoadQuarantineAsync(Ct));
            Assert.Null(await second.LoadQuarantineAsync(Ct));

            await first.SaveQuarantineAsync(new QuarantineStatus { Reason = "TooManyDeletes", Since = DateTimeOffset.UtcNow }, Ct);
            var e = await Assert.ThrowsAsync<BlobStateConflictException>(() =>
                second.SaveQuarantineAsync(new QuarantineStatus { Reason = "EncounteredQuarantineException", Since = DateTimeOffset.UtcNow }, Ct));

            Assert.Equal("state/quarantine.json", e.BlobName);
            Assert.Equal("TooManyDeletes", (await Store().LoadQuarantineAsync(Ct)).Reason);
        }

        [Fact]
        public async Task A_stale_reader_cannot_delete_what_another_writer_changed()
        {
            var first = Store();
            var second = Store();
            await first.SaveQuarantineAsync(new QuarantineStatus { Reason = "TooManyDeletes" }, Ct);
            await second.LoadQuarantineAsync(Ct);
            await first.SaveQuarantineAsync(new QuarantineStatus { Reason = "EncounteredEscrowProportionThreshold" }, Ct);

            await Assert.ThrowsAsync<BlobStateConflictException>(() => second.SaveQuarantineAsync(null, Ct));

            Assert.Equal("EncounteredEscrowProportionThreshold", (await Store().LoadQuarantineAsync(Ct)).Reason);
        }

        [Fact]
        public async Task A_lease_held_by_another_job_fails_fast_naming_the_holder_from_the_lock_blob_metadata()
        {
            // Another runbook job, on another machine, holds the lock.
            await Container.CreateAsync();
            var lockBlob = Container.GetBlobClient("state/lock");
            await lockBlob.UploadAsync(new BinaryData(Array.Empty<byte>()));
            var lease = lockBlob.GetBlobLeaseClient();
            await lease.AcquireAsync(TimeSpan.FromSeconds(60));
            await lockBlob.SetMetadataAsync(new Dictionary<string, string>
            {
                ["machine"] = "SANDBOX-7F3A", ["processid"] = "4242", ["user"] = Uri.EscapeDataString("automation ülrich"), ["since"] = "2026-11-26T13:00:00.0000000+00:00",
            }, new BlobRequestConditions { LeaseId = lease.LeaseId });

            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<StateLockedException>(() => Store().AcquireLockAsync(Ct));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The second job must fail fast, not wait for the lease.");
            Assert.Equal(("SANDBOX-7F3A", 4242, "automation ülrich"), (e.Holder.MachineName, e.Holder.ProcessId, e.Holder.UserName));
            Assert.Contains("process 4242 of user automation ülrich on SANDBOX-7F3A since 2026-11-26 13:00:00Z", e.Message);
            Assert.Contains(_container, e.Location);
            await lease.ReleaseAsync();
        }

        [Fact]
        public async Task A_held_lease_is_renewed_past_its_duration_while_a_crashed_holders_lease_expires_and_is_taken_over()
        {
            var crashedContainer = AzuriteFixture.NewContainerName();
            BlobStateStore CrashedStore() => new BlobStateStore(new BlobStateStoreSettings
            {
                ContainerName = crashedContainer,
                ConnectionString = Secure(_azurite.ConnectionString),
                LeaseDuration = BlobStateStoreSettings.MinimumLeaseDuration,
            });
            var lease = BlobStateStoreSettings.MinimumLeaseDuration;
            await using var alive = await Store(lease).AcquireLockAsync(Ct);
            var frozenStore = CrashedStore();
            var frozen = (BlobStateLock)await frozenStore.AcquireLockAsync(Ct);
            frozen.StopRenewing(); // the job died or froze: no renewal, no release
            await Assert.ThrowsAsync<StateLockedException>(() => CrashedStore().AcquireLockAsync(Ct));

            await Task.Delay(lease + TimeSpan.FromSeconds(1.5));

            var e = await Assert.ThrowsAsync<StateLockedException>(() => Store(lease).AcquireLockAsync(Ct));
            Assert.Equal(alive.Holder.Since, e.Holder.Since);
            var takeover = CrashedStore();
            await using var takenOver = await takeover.AcquireLockAsync(Ct);
            Assert.NotEqual(frozen.Holder.Since, takenOver.Holder.Since);
            var metadata = (await _azurite.Service.GetBlobContainerClient(crashedContainer).GetBlobClient("state/lock").GetPropertiesAsync()).Value.Metadata;
            Assert.Equal(takenOver.Holder.Since.ToString("o"), metadata["since"]);

            // The frozen job wakes up: its writes are refused, naming the job that holds the lock now.
            var lost = await Assert.ThrowsAsync<StateLockedException>(() => frozenStore.SaveDeltaLinksAsync(new DeltaLinks { Users = "stale" }, Ct));
            Assert.Equal(takenOver.Holder.Since, lost.Holder.Since);
            await takeover.SaveDeltaLinksAsync(new DeltaLinks { Users = "current" }, Ct);
            Assert.Equal("current", (await CrashedStore().LoadDeltaLinksAsync(Ct)).Users);
            await frozen.DisposeAsync(); // releasing a lost lease is harmless
            Assert.Equal(LeaseState.Leased, (await _azurite.Service.GetBlobContainerClient(crashedContainer).GetBlobClient("state/lock").GetPropertiesAsync()).Value.LeaseState);
        }

        [Fact]
        public async Task A_lease_broken_and_taken_by_another_job_is_known_lost_within_one_lease_period_so_writes_stop()
        {
            var lease = BlobStateStoreSettings.MinimumLeaseDuration;
            await using var held = await Store(lease).AcquireLockAsync(Ct);
            Assert.False(held.Lost.IsCancellationRequested);
            var lockBlob = Container.GetBlobClient("state/lock");
            await lockBlob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            await lockBlob.GetBlobLeaseClient(Guid.NewGuid().ToString()).AcquireAsync(lease);   // another job takes it

            var lost = new TaskCompletionSource<bool>();
            using (held.Lost.Register(() => lost.TrySetResult(true)))
            {
                var first = await Task.WhenAny(lost.Task, Task.Delay(lease));
                Assert.Same(lost.Task, first);   // the cycle guard trips on this token: no further ShareFile write is sent
            }
        }

        [Fact]
        public async Task Releasing_the_lock_frees_the_lease_at_once_and_clears_the_holder()
        {
            var store = Store();
            await (await store.AcquireLockAsync(Ct)).DisposeAsync();

            var properties = (await Container.GetBlobClient("state/lock").GetPropertiesAsync()).Value;
            Assert.Equal(LeaseState.Available, properties.LeaseState);
            Assert.Empty(properties.Metadata);
        }

        [Fact]
        public async Task The_container_is_created_on_the_first_write_not_by_reads()
        {
            var store = Store();

            Assert.Equal(0, (await store.LoadLinksAsync(Ct)).Count);
            Assert.False((await Container.ExistsAsync()).Value);
            await store.SaveDeltaLinksAsync(new DeltaLinks { Users = "u1" }, Ct);

            Assert.True((await Container.ExistsAsync()).Value);
            Assert.Equal("u1", (await Store().LoadDeltaLinksAsync(Ct)).Users);
            Assert.Equal(new[] { "state/delta-links.json" }, Container.GetBlobs().Select(b => b.Name).ToArray());
        }

        [Fact]
        public async Task The_lock_creates_the_container_on_first_use()
        {
            await using (await Store().AcquireLockAsync(Ct))
            {
                Assert.True((await Container.ExistsAsync()).Value);
            }
        }

        private async Task<Uri> ContainerSasAsync()
        {
            await Container.CreateIfNotExistsAsync();
            var key = new Azure.Storage.StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey);
            var keyed = new BlobContainerClient(_azurite.ContainerUri(_container), key);
            return keyed.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create
                | BlobContainerSasPermissions.Delete | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));
        }

        [Fact]
        public async Task A_SAS_token_alone_reads_writes_and_locks_and_never_shows_in_the_location()
        {
            var sasUri = await ContainerSasAsync();
            var settings = new BlobStateStoreSettings { ContainerUri = _azurite.ContainerUri(_container), SasToken = Secure(sasUri.Query) };
            Assert.Equal(BlobStateAuthentication.SasToken, settings.Authentication);
            var store = new BlobStateStore(settings);

            await store.AppendCycleHistoryAsync(new CycleHistoryEntry { CycleId = "c1", Status = "Succeeded" }, 5, Ct);
            await using (var held = await store.AcquireLockAsync(Ct))
            {
                var e = await Assert.ThrowsAsync<StateLockedException>(() => new BlobStateStore(settings).AcquireLockAsync(Ct));
                Assert.DoesNotContain("sig=", e.Message);
            }

            Assert.Equal("c1", Assert.Single(await Store().LoadCycleHistoryAsync(Ct)).CycleId);
            Assert.DoesNotContain("sig", store.Location);
            Assert.DoesNotContain("sig", settings.ToString());
            Assert.Equal(_azurite.ContainerUri(_container).ToString(), store.Location);
        }

        [Fact]
        public async Task A_whole_SAS_URL_works_without_a_separate_container_URL()
        {
            var sasUri = await ContainerSasAsync();
            var store = new BlobStateStore(new BlobStateStoreSettings { SasToken = Secure(sasUri.ToString()) });

            await store.SaveRetryQueueAsync(new[] { new RetryQueueEntry { Action = "Create", ObjectId = "u1" } }, Ct);

            Assert.Equal("u1", Assert.Single(await Store().LoadRetryQueueAsync(Ct)).ObjectId);
            Assert.DoesNotContain("sig", store.Location);
        }

        [Fact]
        public async Task A_read_only_SAS_is_refused_with_the_blob_status_and_a_hint_without_the_signature()
        {
            await Container.CreateIfNotExistsAsync();
            var keyed = new BlobContainerClient(_azurite.ContainerUri(_container), new Azure.Storage.StorageSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));
            var readOnly = keyed.GenerateSasUri(BlobContainerSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));
            var store = new BlobStateStore(new BlobStateStoreSettings { SasToken = Secure(readOnly.ToString()) });

            var e = await Assert.ThrowsAsync<BlobStateStoreException>(() => store.SaveDeltaLinksAsync(new DeltaLinks { Users = "u" }, Ct));

            Assert.Equal(403, e.Status);
            Assert.Contains("state/delta-links.json", e.Message);
            Assert.Contains("SAS", e.Message);
            Assert.DoesNotContain("sig=", e.Message);
        }
    }
}
