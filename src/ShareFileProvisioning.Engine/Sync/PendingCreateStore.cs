using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>A create that was about to be sent: if the process dies before its link is saved, the next run resolves it by email.</summary>
    public sealed class PendingCreate
    {
        public string SourceId { get; set; }

        public string Email { get; set; }

        public string DisplayName { get; set; }

        /// <summary>For a group create: the ShareFile group name (groups have no email to find them by); null for users.</summary>
        public string GroupName { get; set; }

        public DateTimeOffset RecordedAt { get; set; }
    }

    /// <summary>
    /// Pending creates (the pending-creates.json document of the profile's state store). Recorded before a create is
    /// sent and dropped once the link that covers it is saved, so an unknown outcome is always matched before a retry.
    /// </summary>
    public sealed class PendingCreateStore
    {
        public const string FileName = StateDocumentName.PendingCreates;

        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, PendingCreate> _pending = new Dictionary<string, PendingCreate>(StringComparer.OrdinalIgnoreCase);
        private readonly IStateStore _state;

        /// <summary>The pending creates in a state folder (a <see cref="FileStateStore"/> over it).</summary>
        public PendingCreateStore(string stateDirectory)
            : this(new FileStateStore(string.IsNullOrWhiteSpace(stateDirectory)
                ? throw new ArgumentException("A state folder is required.", nameof(stateDirectory))
                : stateDirectory))
        {
        }

        /// <summary>The pending creates kept with the profile's state (a file or a blob store).</summary>
        public PendingCreateStore(IStateStore state)
        {
            _state = state ?? throw new ArgumentNullException(nameof(state));
        }

        public IReadOnlyList<PendingCreate> Pending
        {
            get { lock (_pending) return _pending.Values.ToList(); }
        }

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            List<PendingCreate> list;
            try
            {
                list = await _state.LoadDocumentAsync<List<PendingCreate>>(FileName, cancellationToken).ConfigureAwait(false) ?? new List<PendingCreate>();
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"The pending creates '{FileName}' in '{_state.Location}' are unreadable ({e.Message}).", e);
            }
            lock (_pending)
            {
                _pending.Clear();
                foreach (var p in list.Where(p => p?.SourceId != null)) _pending[p.SourceId] = p;
            }
        }

        /// <summary>Records the pending creates (before the creates are sent) and writes them durably.</summary>
        public Task AddAsync(IEnumerable<PendingCreate> pendingCreates, CancellationToken cancellationToken)
        {
            lock (_pending)
                foreach (var p in pendingCreates) _pending[p.SourceId] = p;
            return SaveAsync(cancellationToken);
        }

        /// <summary>Drops pending creates whose links are saved.</summary>
        public Task RemoveAsync(IEnumerable<string> sourceIds, CancellationToken cancellationToken)
        {
            var changed = false;
            lock (_pending)
                foreach (var id in sourceIds) changed |= _pending.Remove(id);
            return changed ? SaveAsync(cancellationToken) : Task.CompletedTask;
        }

        public async Task ClearAsync(CancellationToken cancellationToken)
        {
            lock (_pending) _pending.Clear();
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                List<PendingCreate> snapshot;
                lock (_pending) snapshot = _pending.Values.ToList();
                // Never half-cancel a state write.
                await _state.SaveDocumentAsync(FileName, snapshot, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
