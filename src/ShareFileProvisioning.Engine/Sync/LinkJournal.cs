using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The cycle's links, changed by concurrent workers and persisted in batches (every N new links) and at the end;
    /// pending creates are dropped only once the links that cover them are on disk.
    /// </summary>
    internal sealed class LinkJournal
    {
        private readonly IStateStore _state;
        private readonly PendingCreateStore _pendingCreates;
        private readonly LinkSet _links;
        private readonly int _flushEvery;
        private readonly SemaphoreSlim _saving = new SemaphoreSlim(1, 1);
        private readonly List<string> _unsavedCreates = new List<string>();
        private int _unsaved;

        public LinkJournal(IStateStore state, PendingCreateStore pendingCreates, LinkSet links, int flushEvery)
        {
            _state = state;
            _pendingCreates = pendingCreates;
            _links = links;
            _flushEvery = Math.Max(1, flushEvery);
        }

        public int Count
        {
            get { lock (_links) return _links.Count; }
        }

        public bool TryGet(string sourceId, out ObjectLink link)
        {
            lock (_links) return _links.TryGetBySource(sourceId, out link);
        }

        /// <summary>The source object <paramref name="targetId"/> is linked to when that is not <paramref name="sourceId"/>; null otherwise.</summary>
        public string LinkedElsewhere(string targetId, string sourceId)
        {
            lock (_links)
                return _links.TryGetByTarget(targetId, out var other) && !string.Equals(other.SourceId, sourceId, StringComparison.OrdinalIgnoreCase)
                    ? other.DisplayName ?? other.SourceId
                    : null;
        }

        /// <summary>Records a change; a create counts towards the next batch write (<see cref="FlushIfDueAsync"/>).</summary>
        public void Upsert(ObjectLink link, bool fromCreate)
        {
            lock (_links)
            {
                if (_links.TryGetByTarget(link.TargetId, out var other) && !string.Equals(other.SourceId, link.SourceId, StringComparison.OrdinalIgnoreCase))
                    _links.Remove(other.SourceId);   // the plan re-links a ShareFile user whose previous source object is gone
                _links.Upsert(link);
                if (fromCreate) _unsavedCreates.Add(link.SourceId);
                _unsaved++;
            }
        }

        /// <summary>
        /// Writes the links once a batch of creates is waiting: their pending creates are then dropped, and a crash loses
        /// at most one batch of links (which the pending creates recover by matching). Adoptions alone never force a write: a
        /// lost adoption link is found again by matching at no risk.
        /// </summary>
        public Task FlushIfDueAsync()
        {
            lock (_links)
                if (_unsavedCreates.Count < _flushEvery) return Task.CompletedTask;
            return FlushAsync();
        }

        public void Update(string sourceId, Action<ObjectLink> change)
        {
            lock (_links)
            {
                if (_links.TryGetBySource(sourceId, out var link))
                {
                    change(link);
                    _unsaved++;
                }
            }
        }

        public void Remove(string sourceId)
        {
            lock (_links)
                if (_links.Remove(sourceId)) _unsaved++;
        }

        /// <summary>Writes the links (atomically, via the store) and then drops the pending creates they cover.</summary>
        public async Task FlushAsync()
        {
            await _saving.WaitAsync().ConfigureAwait(false);
            try
            {
                List<ObjectLink> snapshot;
                List<string> covered;
                lock (_links)
                {
                    if (_unsaved == 0) return;   // nothing changed since the load or the last write
                    snapshot = _links.Select(Copy).ToList();
                    covered = _unsavedCreates.ToList();
                    _unsavedCreates.Clear();
                    _unsaved = 0;
                }
                // Not cancellable: a state write runs to completion so the files never lag behind ShareFile more than needed.
                await _state.SaveLinksAsync(snapshot, CancellationToken.None).ConfigureAwait(false);
                if (covered.Count > 0) await _pendingCreates.RemoveAsync(covered, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _saving.Release();
            }
        }

        private static ObjectLink Copy(ObjectLink l) => new ObjectLink
        {
            SourceId = l.SourceId, TargetId = l.TargetId, ObjectType = l.ObjectType, DisplayName = l.DisplayName, MatchedBy = l.MatchedBy,
            CreatedByUs = l.CreatedByUs, LinkedAt = l.LinkedAt, OutOfScopeSince = l.OutOfScopeSince, ReclaimedAt = l.ReclaimedAt,
        };
    }
}
