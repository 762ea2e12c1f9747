using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// The waiting list (waiting.json in the state store): objects skipped for a cause that can go away, and objects
    /// whose last action failed permanently. The next cycle re-reads exactly these objects, so they resolve without -Full.
    /// </summary>
    public sealed class WaitingBook
    {
        private readonly Dictionary<string, WaitingEntry> _entries;

        private WaitingBook(IEnumerable<WaitingEntry> entries)
        {
            _entries = (entries ?? Enumerable.Empty<WaitingEntry>()).Where(e => e?.ObjectId != null)
                .GroupBy(e => e.ObjectId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        }

        public static async Task<WaitingBook> LoadAsync(IStateStore state, CancellationToken ct) =>
            new WaitingBook(await state.LoadDocumentAsync<List<WaitingEntry>>(StateDocumentName.Waiting, ct).ConfigureAwait(false));

        public static async Task<List<WaitingEntry>> ReadAsync(IStateStore state, CancellationToken ct) =>
            await state.LoadDocumentAsync<List<WaitingEntry>>(StateDocumentName.Waiting, ct).ConfigureAwait(false) ?? new List<WaitingEntry>();

        /// <summary>Skip reasons whose cause can go away without the source object changing.</summary>
        public static bool CanResolve(SkipReason reason) =>
            reason == SkipReason.LicenceLimit || reason == SkipReason.EmailInUse || reason == SkipReason.DuplicateSourceEntries
            || reason == SkipReason.DuplicateTargetEntries || reason == SkipReason.ClientMustBeCreatedAsEmployee;

        public IReadOnlyCollection<string> UserIds
        {
            get { lock (_entries) return _entries.Values.Where(e => e.ObjectType == LinkedObjectType.User).Select(e => e.ObjectId).ToList(); }
        }

        public int Count
        {
            get { lock (_entries) return _entries.Count; }
        }

        /// <summary>An object the plan decided about: waiting when its skip can resolve, no longer waiting otherwise.</summary>
        public void Observe(PlanItem item, DateTimeOffset now)
        {
            if (item.SourceId == null) return;
            if ((item.Action == PlanAction.Skip || item.Action == PlanAction.Conflict) && CanResolve(item.SkipReason))
                Wait(item.SourceId, item.ObjectType, item.DisplayName, item.SkipReason.ToString(), item.Reason, now);
            else if (item.IsExecutable || item.Action == PlanAction.Skip)
                lock (_entries) _entries.Remove(item.SourceId);
        }

        /// <summary>An action that failed in a way a retry cannot fix.</summary>
        public void Fail(SyncActionResult r, DateTimeOffset now) =>
            Wait(r.SourceId, r.ObjectType, r.DisplayName, r.ErrorCode ?? "Unknown", r.ErrorMessage, now);

        private void Wait(string id, PlanObjectType type, string name, string reason, string message, DateTimeOffset now)
        {
            lock (_entries)
            {
                if (!_entries.TryGetValue(id, out var entry) || entry.Reason != reason)
                    _entries[id] = entry = new WaitingEntry { ObjectId = id, Since = now };
                entry.ObjectType = type == PlanObjectType.Group ? LinkedObjectType.Group : LinkedObjectType.User;
                entry.DisplayName = name;
                entry.Reason = reason;
                entry.Message = message;
                entry.LastSeenAt = now;
            }
        }

        public Task SaveAsync(IStateStore state)
        {
            List<WaitingEntry> snapshot;
            lock (_entries) snapshot = _entries.Values.OrderBy(e => e.ObjectId, StringComparer.OrdinalIgnoreCase).ToList();
            return state.SaveDocumentAsync(StateDocumentName.Waiting, snapshot, CancellationToken.None);
        }
    }
}
