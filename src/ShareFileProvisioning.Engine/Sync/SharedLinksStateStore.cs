using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The profile's store, except that the links are read once per cycle and shared by the planner and the session
    /// (100,000 links are worth parsing once). Everything else goes to the inner store.
    /// </summary>
    internal sealed class SharedLinksStateStore : IStateStore
    {
        private readonly IStateStore _inner;
        private readonly Task<LinkSet> _links;

        public SharedLinksStateStore(IStateStore inner, CancellationToken cancellationToken)
        {
            _inner = inner;
            _links = inner.LoadLinksAsync(cancellationToken);
        }

        public string Location => _inner.Location;

        public Task<LinkSet> LoadLinksAsync(CancellationToken cancellationToken) => _links;

        public Task<IStateLock> AcquireLockAsync(CancellationToken cancellationToken) => _inner.AcquireLockAsync(cancellationToken);
        public Task SaveLinksAsync(IEnumerable<ObjectLink> links, CancellationToken cancellationToken) => _inner.SaveLinksAsync(links, cancellationToken);
        public Task<DeltaLinks> LoadDeltaLinksAsync(CancellationToken cancellationToken) => _inner.LoadDeltaLinksAsync(cancellationToken);
        public Task SaveDeltaLinksAsync(DeltaLinks deltaLinks, CancellationToken cancellationToken) =>
            _inner.SaveDeltaLinksAsync(deltaLinks, cancellationToken);
        public Task<AssignmentSnapshot> LoadAssignmentSnapshotAsync(CancellationToken cancellationToken) =>
            _inner.LoadAssignmentSnapshotAsync(cancellationToken);
        public Task SaveAssignmentSnapshotAsync(AssignmentSnapshot snapshot, CancellationToken cancellationToken) =>
            _inner.SaveAssignmentSnapshotAsync(snapshot, cancellationToken);
        public Task<IReadOnlyList<RetryQueueEntry>> LoadRetryQueueAsync(CancellationToken cancellationToken) => _inner.LoadRetryQueueAsync(cancellationToken);
        public Task SaveRetryQueueAsync(IEnumerable<RetryQueueEntry> entries, CancellationToken cancellationToken) =>
            _inner.SaveRetryQueueAsync(entries, cancellationToken);
        public Task<IReadOnlyList<CycleHistoryEntry>> LoadCycleHistoryAsync(CancellationToken cancellationToken) =>
            _inner.LoadCycleHistoryAsync(cancellationToken);
        public Task AppendCycleHistoryAsync(CycleHistoryEntry entry, int keep, CancellationToken cancellationToken) =>
            _inner.AppendCycleHistoryAsync(entry, keep, cancellationToken);
        public Task<QuarantineStatus> LoadQuarantineAsync(CancellationToken cancellationToken) => _inner.LoadQuarantineAsync(cancellationToken);
        public Task SaveQuarantineAsync(QuarantineStatus status, CancellationToken cancellationToken) => _inner.SaveQuarantineAsync(status, cancellationToken);
        public Task<IReadOnlyList<StagedDelete>> LoadStagedDeletesAsync(CancellationToken cancellationToken) =>
            _inner.LoadStagedDeletesAsync(cancellationToken);
        public Task SaveStagedDeletesAsync(IEnumerable<StagedDelete> stagedDeletes, CancellationToken cancellationToken) =>
            _inner.SaveStagedDeletesAsync(stagedDeletes, cancellationToken);
        public Task<T> LoadDocumentAsync<T>(string name, CancellationToken cancellationToken) where T : class =>
            _inner.LoadDocumentAsync<T>(name, cancellationToken);
        public Task SaveDocumentAsync<T>(string name, T value, CancellationToken cancellationToken) where T : class =>
            _inner.SaveDocumentAsync(name, value, cancellationToken);
        public Task ResetAsync(CancellationToken cancellationToken) => _inner.ResetAsync(cancellationToken);
    }
}
