using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// A profile's state in an Azure Blob Storage container, for runbooks whose sandboxes keep nothing between jobs.
    /// One blob per state part under state/ (the same JSON as <see cref="FileStateStore"/>), each write conditional on
    /// the ETag this store last saw (<see cref="BlobStateConflictException"/> when another writer got there first), and
    /// a renewed lease on state/lock as the profile's lock. While the store holds the lock, each write first renews the
    /// lease, so a job that lost it (paused past the lease, taken over) fails instead of overwriting the new holder's state.
    /// </summary>
    public sealed class BlobStateStore : IStateStore
    {
        internal const string Prefix = "state/";
        internal const string LockBlob = Prefix + "lock";

        private readonly BlobContainerAccess _access;
        private readonly TimeSpan _leaseDuration;
        private BlobStateLock _heldLock;

        public BlobStateStore(BlobStateStoreSettings settings)
            : this(BlobContainerClientFactory.Create(settings), settings.LeaseDuration)
        {
        }

        internal BlobStateStore(BlobContainerClient container, TimeSpan leaseDuration)
        {
            _access = new BlobContainerAccess(container ?? throw new ArgumentNullException(nameof(container)));
            _leaseDuration = leaseDuration;
        }

        /// <summary>The container URL (never a SAS).</summary>
        public string Location => _access.Location;

        internal BlobContainerClient Container => _access.Container;

        public async Task<IStateLock> AcquireLockAsync(CancellationToken cancellationToken)
        {
            var held = await BlobStateLock.AcquireAsync(_access, LockBlob, _leaseDuration, cancellationToken).ConfigureAwait(false);
            _heldLock = (BlobStateLock)held;
            return held;
        }

        /// <summary>While this store holds the lock, every write first proves the lease is still ours.</summary>
        private Task EnsureLockStillHeldAsync(CancellationToken cancellationToken)
        {
            var held = _heldLock;
            return held == null || held.IsReleased ? Task.CompletedTask : held.EnsureHeldAsync(Location, cancellationToken);
        }

        public async Task<LinkSet> LoadLinksAsync(CancellationToken cancellationToken)
        {
            var name = Prefix + FileStateStore.LinksFile;
            using (var content = await _access.ReadAsync(name, cancellationToken).ConfigureAwait(false))
            {
                return content == null ? new LinkSet() : StateJson.ReadLinks(content, Location + "/" + name, cancellationToken);
            }
        }

        public Task SaveLinksAsync(IEnumerable<ObjectLink> links, CancellationToken cancellationToken)
        {
            var snapshot = (links ?? throw new ArgumentNullException(nameof(links))).ToList();
            return WriteAsync(FileStateStore.LinksFile, stream => StateJson.WriteLinks(stream, snapshot, cancellationToken), cancellationToken);
        }

        public async Task<DeltaLinks> LoadDeltaLinksAsync(CancellationToken cancellationToken) =>
            await ReadAsync<DeltaLinks>(FileStateStore.DeltaLinksFile, cancellationToken).ConfigureAwait(false) ?? new DeltaLinks();

        public Task SaveDeltaLinksAsync(DeltaLinks deltaLinks, CancellationToken cancellationToken) =>
            WriteAsync(FileStateStore.DeltaLinksFile, deltaLinks ?? throw new ArgumentNullException(nameof(deltaLinks)), cancellationToken);

        public Task<AssignmentSnapshot> LoadAssignmentSnapshotAsync(CancellationToken cancellationToken) =>
            ReadAsync<AssignmentSnapshot>(FileStateStore.AssignmentsFile, cancellationToken);

        public Task SaveAssignmentSnapshotAsync(AssignmentSnapshot snapshot, CancellationToken cancellationToken) =>
            WriteAsync(FileStateStore.AssignmentsFile, snapshot ?? throw new ArgumentNullException(nameof(snapshot)), cancellationToken);

        public async Task<IReadOnlyList<RetryQueueEntry>> LoadRetryQueueAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<RetryQueueEntry>>(FileStateStore.RetryQueueFile, cancellationToken).ConfigureAwait(false) ?? new List<RetryQueueEntry>();

        public Task SaveRetryQueueAsync(IEnumerable<RetryQueueEntry> entries, CancellationToken cancellationToken) =>
            WriteAsync(FileStateStore.RetryQueueFile, (entries ?? throw new ArgumentNullException(nameof(entries))).ToList(), cancellationToken);

        public async Task<IReadOnlyList<CycleHistoryEntry>> LoadCycleHistoryAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<CycleHistoryEntry>>(FileStateStore.CycleHistoryFile, cancellationToken).ConfigureAwait(false) ?? new List<CycleHistoryEntry>();

        public async Task AppendCycleHistoryAsync(CycleHistoryEntry entry, int keep, CancellationToken cancellationToken)
        {
            if (entry == null) throw new ArgumentNullException(nameof(entry));
            if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), "Keep at least one cycle.");
            // The read remembers the ETag, so a concurrent append makes this write fail instead of losing an entry.
            var history = (await LoadCycleHistoryAsync(cancellationToken).ConfigureAwait(false)).ToList();
            history.Add(entry);
            if (history.Count > keep) history.RemoveRange(0, history.Count - keep);
            await WriteAsync(FileStateStore.CycleHistoryFile, history, cancellationToken).ConfigureAwait(false);
        }

        public Task<QuarantineStatus> LoadQuarantineAsync(CancellationToken cancellationToken) =>
            ReadAsync<QuarantineStatus>(FileStateStore.QuarantineFile, cancellationToken);

        public Task SaveQuarantineAsync(QuarantineStatus status, CancellationToken cancellationToken) =>
            status != null
                ? WriteAsync(FileStateStore.QuarantineFile, status, cancellationToken)
                : DeleteAsync(FileStateStore.QuarantineFile, cancellationToken);

        public async Task<IReadOnlyList<StagedDelete>> LoadStagedDeletesAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<StagedDelete>>(FileStateStore.StagedDeletesFile, cancellationToken).ConfigureAwait(false) ?? new List<StagedDelete>();

        public Task SaveStagedDeletesAsync(IEnumerable<StagedDelete> stagedDeletes, CancellationToken cancellationToken) =>
            WriteAsync(FileStateStore.StagedDeletesFile, (stagedDeletes ?? throw new ArgumentNullException(nameof(stagedDeletes))).ToList(), cancellationToken);

        public Task<T> LoadDocumentAsync<T>(string name, CancellationToken cancellationToken)
            where T : class =>
            ReadAsync<T>(StateDocumentName.Check(name), cancellationToken);

        public Task SaveDocumentAsync<T>(string name, T value, CancellationToken cancellationToken)
            where T : class
        {
            StateDocumentName.Check(name);
            return value != null ? WriteAsync(name, value, cancellationToken) : DeleteAsync(name, cancellationToken);
        }

        public async Task ResetAsync(CancellationToken cancellationToken)
        {
            foreach (var file in new[] { FileStateStore.LinksFile, FileStateStore.DeltaLinksFile, FileStateStore.AssignmentsFile,
                FileStateStore.RetryQueueFile })
            {
                await DeleteAsync(file, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task DeleteAsync(string file, CancellationToken cancellationToken)
        {
            await EnsureLockStillHeldAsync(cancellationToken).ConfigureAwait(false);
            await _access.DeleteAsync(Prefix + file, cancellationToken).ConfigureAwait(false);
        }

        private async Task<T> ReadAsync<T>(string file, CancellationToken cancellationToken)
            where T : class
        {
            using (var content = await _access.ReadAsync(Prefix + file, cancellationToken).ConfigureAwait(false))
            {
                if (content == null) return null;
                try
                {
                    return StateJson.Read<T>(content);
                }
                catch (Newtonsoft.Json.JsonException e)
                {
                    throw new InvalidDataException($"The state blob '{Location}/{Prefix}{file}' is corrupt: {e.Message}", e);
                }
            }
        }

        private Task WriteAsync<T>(string file, T value, CancellationToken cancellationToken) =>
            WriteAsync(file, stream => StateJson.Write(stream, value), cancellationToken);

        private async Task WriteAsync(string file, Action<Stream> serialize, CancellationToken cancellationToken)
        {
            await EnsureLockStillHeldAsync(cancellationToken).ConfigureAwait(false);
            using (var content = new MemoryStream())
            {
                serialize(content);
                content.Position = 0;
                await _access.WriteAsync(Prefix + file, content, cancellationToken).ConfigureAwait(false);
            }
        }

        public override string ToString() => "Azure Blob state at " + Location;
    }
}
