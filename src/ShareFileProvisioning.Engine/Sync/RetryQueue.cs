using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The retry queue during a cycle: a failure adds or bumps an entry with the next back-off step,
    /// a success clears the object's entries. One entry per source object and action.
    /// </summary>
    internal sealed class RetryQueue
    {
        private readonly Dictionary<string, RetryQueueEntry> _entries;
        private readonly IReadOnlyList<TimeSpan> _backoff;

        public RetryQueue(IEnumerable<RetryQueueEntry> entries, IReadOnlyList<TimeSpan> backoff)
        {
            _backoff = backoff == null || backoff.Count == 0 ? SyncDefaults.EscrowBackoff : backoff;
            _entries = new Dictionary<string, RetryQueueEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in entries ?? Enumerable.Empty<RetryQueueEntry>())
                if (e?.ObjectId != null) _entries[Key(e.ObjectId, e.Action)] = e;
        }

        public int Count
        {
            get { lock (_entries) return _entries.Count; }
        }

        public IReadOnlyList<RetryQueueEntry> Due(DateTimeOffset now)
        {
            lock (_entries) return _entries.Values.Where(e => e.NextAttemptAt <= now).ToList();
        }

        public bool IsQueued(string sourceId)
        {
            lock (_entries) return _entries.Values.Any(e => string.Equals(e.ObjectId, sourceId, StringComparison.OrdinalIgnoreCase));
        }

        public RetryQueueEntry Fail(string sourceId, string action, string displayName, string code, string message, DateTimeOffset now,
            LinkedObjectType objectType = LinkedObjectType.User)
        {
            lock (_entries)
            {
                var key = Key(sourceId, action);
                if (!_entries.TryGetValue(key, out var entry))
                {
                    entry = new RetryQueueEntry { ObjectId = sourceId, Action = action, ObjectType = objectType, FirstFailureAt = now };
                    _entries[key] = entry;
                }
                entry.DisplayName = displayName;
                entry.AttemptCount++;
                // The first failure is tried again by the next cycle; repeated ones back off as Entra's retries do.
                entry.NextAttemptAt = entry.AttemptCount == 1 ? now : now + _backoff[Math.Min(entry.AttemptCount - 1, _backoff.Count) - 1];
                entry.LastErrorCode = code;
                entry.LastErrorMessage = message;
                return entry;
            }
        }

        /// <summary>Clears every entry of the object (any action: the object is now as the plan wants it).</summary>
        public void Succeed(string sourceId)
        {
            if (sourceId == null) return;
            lock (_entries)
                foreach (var key in _entries.Where(p => string.Equals(p.Value.ObjectId, sourceId,
                    StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToList())
                    _entries.Remove(key);
        }

        /// <summary>After a full re-evaluation an entry with nothing left to do for its object is resolved.</summary>
        public void DropResolved(ISet<string> attempted)
        {
            lock (_entries)
                foreach (var key in _entries.Where(p => !attempted.Contains(p.Value.ObjectId)).Select(p => p.Key).ToList())
                    _entries.Remove(key);
        }

        /// <summary>Entries that kept failing for longer than Entra keeps retrying (four weeks): removed and returned, to be reported.</summary>
        public List<RetryQueueEntry> Expire(DateTimeOffset now)
        {
            lock (_entries)
            {
                var expired = _entries.Where(p => now - p.Value.FirstFailureAt > SyncDefaults.EscrowLifetime).ToList();
                foreach (var p in expired) _entries.Remove(p.Key);
                return expired.Select(p => p.Value).ToList();
            }
        }

        public List<RetryQueueEntry> Snapshot()
        {
            lock (_entries) return _entries.Values.ToList();
        }

        private static string Key(string sourceId, string action) => sourceId + "|" + action;
    }
}
