using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>The ShareFile users in memory, by id and by value of a matching attribute (emails case-insensitively, as ShareFile compares them).</summary>
    internal sealed class TargetIndex
    {
        private static readonly List<TargetUser> None = new List<TargetUser>();
        private readonly Dictionary<string, TargetUser> _byId;
        private readonly Dictionary<TargetAttribute, Dictionary<string, List<TargetUser>>> _byValue = new Dictionary<TargetAttribute, Dictionary<string, List<TargetUser>>>();
        private readonly List<TargetUser> _users;

        public TargetIndex(List<TargetUser> users)
        {
            _users = users ?? new List<TargetUser>();
            _byId = new Dictionary<string, TargetUser>(_users.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var u in _users)
                if (!string.IsNullOrEmpty(u?.Id)) _byId[u.Id] = u;
        }

        public TargetUser ById(string id) => id != null && _byId.TryGetValue(id, out var u) ? u : null;

        /// <summary>Builds the index of <paramref name="attribute"/> now, so later lookups only read (and may run in parallel).</summary>
        public void Prepare(TargetAttribute attribute)
        {
            if (!_byValue.ContainsKey(attribute)) _byValue[attribute] = Build(attribute);
        }

        /// <summary>Users whose <paramref name="attribute"/> equals <paramref name="value"/> (trimmed; case-insensitive).</summary>
        public List<TargetUser> Find(TargetAttribute attribute, string value)
        {
            if (string.IsNullOrWhiteSpace(value)) return None;
            if (!_byValue.TryGetValue(attribute, out var index))
            {
                index = Build(attribute);
                _byValue[attribute] = index;
            }
            return index.TryGetValue(value.Trim(), out var hits) ? hits : None;
        }

        private Dictionary<string, List<TargetUser>> Build(TargetAttribute attribute)
        {
            var index = new Dictionary<string, List<TargetUser>>(_users.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var u in _users)
            {
                var key = ValueOf(u, attribute)?.Trim();
                if (string.IsNullOrEmpty(key)) continue;
                if (!index.TryGetValue(key, out var list)) index[key] = list = new List<TargetUser>(1);
                list.Add(u);
            }
            return index;
        }

        /// <summary>The stored value of a listed attribute as text; null for attributes listings do not carry.</summary>
        public static string ValueOf(TargetUser user, TargetAttribute attribute)
        {
            switch (attribute)
            {
                case TargetAttribute.Email: return user.Email;
                case TargetAttribute.FirstName: return user.FirstName;
                case TargetAttribute.LastName: return user.LastName;
                case TargetAttribute.Company: return user.Company;
                default: return null;
            }
        }
    }
}
