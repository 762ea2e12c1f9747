using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>
    /// A profile's provisioning state: links, watermark, waiting list, quarantine, lock. Each part is read and written whole, so a store backed by blobs
    /// can map one part to one blob (ETag-checked) and the lock to a lease. Writes are atomic per part: a crash
    /// leaves the previous or the new version. Callers hold <see cref="AcquireLockAsync"/> while they change state.
    /// </summary>
    public interface IStateStore
    {
        /// <summary>Where the state lives, for messages (a folder, a container URL without secrets).</summary>
        string Location { get; }

        /// <summary>Takes the profile's exclusive lock, or fails at once.</summary>
        /// <exception cref="StateLockedException">Another holder has it; the message names machine, process, user and since when.</exception>
        Task<IStateLock> AcquireLockAsync(CancellationToken cancellationToken);

        /// <summary>All links (empty when none were saved).</summary>
        Task<LinkSet> LoadLinksAsync(CancellationToken cancellationToken);

        Task SaveLinksAsync(IEnumerable<ObjectLink> links, CancellationToken cancellationToken);

        /// <summary>The delta links, or an empty object when none were saved.</summary>
        Task<DeltaLinks> LoadDeltaLinksAsync(CancellationToken cancellationToken);

        Task SaveDeltaLinksAsync(DeltaLinks deltaLinks, CancellationToken cancellationToken);

        /// <summary>The previous assignment snapshot, or null before the first cycle.</summary>
        Task<AssignmentSnapshot> LoadAssignmentSnapshotAsync(CancellationToken cancellationToken);

        Task SaveAssignmentSnapshotAsync(AssignmentSnapshot snapshot, CancellationToken cancellationToken);

        Task<IReadOnlyList<RetryQueueEntry>> LoadRetryQueueAsync(CancellationToken cancellationToken);

        Task SaveRetryQueueAsync(IEnumerable<RetryQueueEntry> entries, CancellationToken cancellationToken);

        /// <summary>Cycle history, oldest first.</summary>
        Task<IReadOnlyList<CycleHistoryEntry>> LoadCycleHistoryAsync(CancellationToken cancellationToken);

        /// <summary>Appends one entry, keeping the newest <paramref name="keep"/>.</summary>
        Task AppendCycleHistoryAsync(CycleHistoryEntry entry, int keep, CancellationToken cancellationToken);

        /// <summary>The quarantine status, or null when not quarantined.</summary>
        Task<QuarantineStatus> LoadQuarantineAsync(CancellationToken cancellationToken);

        /// <summary>Sets the status; null clears it.</summary>
        Task SaveQuarantineAsync(QuarantineStatus status, CancellationToken cancellationToken);

        Task<IReadOnlyList<StagedDelete>> LoadStagedDeletesAsync(CancellationToken cancellationToken);

        Task SaveStagedDeletesAsync(IEnumerable<StagedDelete> stagedDeletes, CancellationToken cancellationToken);

        /// <summary>
        /// A named JSON document kept with the profile's state by other parts of the engine (pending creates, the source
        /// watermark, notification state), so a runbook's blob store holds them too. Null when it was never saved.
        /// </summary>
        /// <param name="name">A lower-case file-like name such as "pending-creates.json" (<see cref="StateDocumentName"/>).</param>
        /// <exception cref="System.IO.InvalidDataException">The stored document is not valid JSON for <typeparamref name="T"/>.</exception>
        Task<T> LoadDocumentAsync<T>(string name, CancellationToken cancellationToken) where T : class;

        /// <summary>Replaces the named document atomically; null deletes it.</summary>
        Task SaveDocumentAsync<T>(string name, T value, CancellationToken cancellationToken) where T : class;

        /// <summary>Entra's full reset: clears links, delta links, the assignment snapshot and the retry queue (history stays).</summary>
        Task ResetAsync(CancellationToken cancellationToken);
    }

    /// <summary>A held state lock; dispose to release.</summary>
    public interface IStateLock : IDisposable, IAsyncDisposable
    {
        StateLockHolder Holder { get; }

        /// <summary>Cancelled when the lock is known to be lost (a blob lease that could not be renewed): writes must stop.</summary>
        System.Threading.CancellationToken Lost { get; }
    }
}
