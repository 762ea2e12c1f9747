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

        public DateTimeOffset RecordedAt { get; set; }
    }

    /// <summary>
    /// Create intents (pending-creates.json in the state folder, written atomically). Recorded before a create is
    /// sent and dropped once the link that covers it is saved, so an unknown outcome is always matched before a retry.
    /// </summary>
    public sealed class PendingCreateStore
    {
        public const string FileName = "pending-creates.json";

        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, PendingCreate> _pending = new Dictionary<string, PendingCreate>(StringComparer.OrdinalIgnoreCase);

        public PendingCreateStore(string stateDirectory)
        {
            if (string.IsNullOrWhiteSpace(stateDirectory)) throw new ArgumentException("A state folder is required.", nameof(stateDirectory));
            Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(stateDirectory), FileName);
        }

        public string Path { get; }

        public IReadOnlyList<PendingCreate> Pending
        {
            get { lock (_pending) return _pending.Values.ToList(); }
        }

        public Task LoadAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_pending)
            {
                _pending.Clear();
                if (!File.Exists(Path)) return Task.CompletedTask;
                List<PendingCreate> list;
                using (var stream = File.OpenRead(Path))
                {
                    try
                    {
                        list = StateJson.Read<List<PendingCreate>>(stream) ?? new List<PendingCreate>();
                    }
                    catch (Exception e) when (!(e is OperationCanceledException))
                    {
                        throw new InvalidDataException($"The create intents '{Path}' are unreadable ({e.Message}).", e);
                    }
                }
                foreach (var p in list.Where(p => p?.SourceId != null)) _pending[p.SourceId] = p;
            }
            return Task.CompletedTask;
        }

        /// <summary>Records the intents (before the creates are sent) and writes them durably.</summary>
        public Task AddAsync(IEnumerable<PendingCreate> intents, CancellationToken cancellationToken)
        {
            lock (_pending)
                foreach (var p in intents) _pending[p.SourceId] = p;
            return SaveAsync(cancellationToken);
        }

        /// <summary>Drops intents whose links are saved.</summary>
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
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path));
                await AtomicFile.WriteAsync(Path, (stream, ct) =>
                {
                    StateJson.Write(stream, snapshot);
                    return Task.CompletedTask;
                }, CancellationToken.None).ConfigureAwait(false);   // never half-cancel a state write
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
