using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// "sha256:&lt;hex&gt;" hashes of what a plan was computed from. Order-independent (inputs are sorted by id), so
    /// a sync that reads the same state gets the same value and any change in it gives another.
    /// </summary>
    internal static class PlanFingerprints
    {
        private static readonly string[] LeftNames = Enum.GetNames(typeof(Source.Scope.LeftScopeReason));

        public static string Source(IEnumerable<PlanSubject> subjects, IReadOnlyCollection<string> attributeNames)
        {
            var names = attributeNames.Concat(new[] { "userPrincipalName", "accountEnabled" })
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            using (var hash = new Hasher())
            {
                var ordered = subjects.ToArray();
                Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.SourceId, b.SourceId));
                foreach (var s in ordered)
                {
                    hash.Add(s.SourceId).Add(s.InScope ? "in" : "out").Add(LeftNames[(int)s.LeftReason]);
                    if (s.User == null)
                    {
                        hash.Add("-");
                        continue;
                    }
                    hash.Add(s.User.IsSoftDeleted ? "soft" : "live");
                    var reasons = s.User.Reasons;
                    if (reasons.Count == 1) hash.Add(reasons[0].Kind.ToString()).Add(reasons[0].GroupId).Add(reasons[0].AppRoleId);
                    else
                        foreach (var r in reasons.Select(r => r.Kind + ":" + r.GroupId + ":" + r.AppRoleId).OrderBy(x => x, StringComparer.Ordinal)) hash.Add(r);
                    var attributes = s.User.Attributes;
                    foreach (var n in names)
                    {
                        object value = null;
                        attributes?.TryGetValue(n, out value);
                        hash.Add(n).Add(Text(value));
                    }
                }
                return hash.Finish();
            }
        }

        public static string Target(TargetSnapshot target)
        {
            using (var hash = new Hasher())
            {
                hash.Add(target.IsComplete ? "complete" : "targeted").Add(Text(target.UserMax)).Add(Text(target.EmployeeCount))
                    .Add(target.UseStrictEmployeeDefinition ? "strict" : "lax").Add(string.Join(",", (target.EmployeeEmailDomains ?? new List<string>()).OrderBy(d => d, StringComparer.Ordinal)));
                var users = target.Users.ToArray();
                Array.Sort(users, (a, b) => string.CompareOrdinal(a.Id, b.Id));
                foreach (var u in users)
                    hash.Add(u.Id).Add(u.Email?.ToLowerInvariant()).Add(u.FirstName).Add(u.LastName).Add(u.Company).Add(u.IsEmployee ? "E" : "C").Add(u.IsDisabled ? "D" : "A");
                return hash.Finish();
            }
        }

        public static string Links(IEnumerable<ObjectLink> links)
        {
            using (var hash = new Hasher())
            {
                var ordered = links.ToArray();
                Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.SourceId, b.SourceId));
                foreach (var l in ordered)
                    hash.Add(l.SourceId).Add(l.TargetId).Add(l.ObjectType.ToString()).Add(l.OutOfScopeSince?.ToString("o", CultureInfo.InvariantCulture));
                return hash.Finish();
            }
        }

        private static string Text(object value)
        {
            switch (value)
            {
                case null: return null;
                case IReadOnlyList<string> list: return string.Join("\u001f", list);
                case DateTimeOffset d: return d.ToString("o", CultureInfo.InvariantCulture);
                case bool b: return b ? "True" : "False";
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>Streams length-prefixed fields into SHA-256 (no field can run into the next), through a 64 KB buffer.</summary>
        private sealed class Hasher : IDisposable
        {
            private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            private readonly byte[] _buffer = new byte[64 * 1024];
            private int _used;

            public Hasher Add(string value)
            {
                if (value == null)
                {
                    Reserve(1);
                    _buffer[_used++] = 0xFF;
                    return this;
                }
                var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
                if (max > _buffer.Length)
                {
                    Flush();
                    var bytes = Encoding.UTF8.GetBytes(value);
                    _hash.AppendData(new[] { (byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length });
                    _hash.AppendData(bytes);
                    return this;
                }
                Reserve(max);
                var n = Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _used + 4);
                _buffer[_used] = (byte)(n >> 24);
                _buffer[_used + 1] = (byte)(n >> 16);
                _buffer[_used + 2] = (byte)(n >> 8);
                _buffer[_used + 3] = (byte)n;
                _used += n + 4;
                return this;
            }

            private void Reserve(int bytes)
            {
                if (_used + bytes > _buffer.Length) Flush();
            }

            private void Flush()
            {
                if (_used > 0) _hash.AppendData(_buffer, 0, _used);
                _used = 0;
            }

            public string Finish()
            {
                Flush();
                var bytes = _hash.GetHashAndReset();
                var sb = new StringBuilder("sha256:", 7 + bytes.Length * 2);
                foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }

            public void Dispose() => _hash.Dispose();
        }
    }
}
