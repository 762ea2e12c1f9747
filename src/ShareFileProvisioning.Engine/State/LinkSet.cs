using System;
using System.Collections;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>
    /// The links in memory: by source id (case-insensitive; Entra ids are GUIDs) and by ShareFile id. Not thread-safe;
    /// the cycle owns it under the state lock. Load with <see cref="IStateStore.LoadLinksAsync"/>, change, save back.
    /// </summary>
    public sealed class LinkSet : IEnumerable<ObjectLink>
    {
        private readonly Dictionary<string, ObjectLink> _bySource;
        private readonly Dictionary<string, ObjectLink> _byTarget;

        public LinkSet(int capacity = 0)
        {
            _bySource = new Dictionary<string, ObjectLink>(capacity, StringComparer.OrdinalIgnoreCase);
            _byTarget = new Dictionary<string, ObjectLink>(capacity, StringComparer.OrdinalIgnoreCase);
        }

        public LinkSet(IEnumerable<ObjectLink> links)
            : this()
        {
            foreach (var link in links) Upsert(link);
        }

        public int Count => _bySource.Count;

        public bool TryGetBySource(string sourceId, out ObjectLink link) => _bySource.TryGetValue(sourceId ?? "", out link);

        public bool TryGetByTarget(string targetId, out ObjectLink link) => _byTarget.TryGetValue(targetId ?? "", out link);

        /// <summary>Adds or replaces the link of <see cref="ObjectLink.SourceId"/>.</summary>
        /// <exception cref="InvalidOperationException">The ShareFile id is already linked to another source object.</exception>
        public void Upsert(ObjectLink link)
        {
            if (link == null) throw new ArgumentNullException(nameof(link));
            if (string.IsNullOrEmpty(link.SourceId) || string.IsNullOrEmpty(link.TargetId))
                throw new ArgumentException("A link needs both a source id and a target id.", nameof(link));
            if (_byTarget.TryGetValue(link.TargetId, out var other) && !string.Equals(other.SourceId, link.SourceId, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"ShareFile object '{link.TargetId}' is already linked to source object '{other.SourceId}'.");
            if (_bySource.TryGetValue(link.SourceId, out var previous)) _byTarget.Remove(previous.TargetId);
            _bySource[link.SourceId] = link;
            _byTarget[link.TargetId] = link;
        }

        public bool Remove(string sourceId)
        {
            if (sourceId == null || !_bySource.TryGetValue(sourceId, out var link)) return false;
            _bySource.Remove(sourceId);
            _byTarget.Remove(link.TargetId);
            return true;
        }

        public void Clear()
        {
            _bySource.Clear();
            _byTarget.Clear();
        }

        public IEnumerator<ObjectLink> GetEnumerator() => _bySource.Values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
