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
        public static string Source(IEnumerable<PlanSubject> subjects, IReadOnlyCollection<string> attributeNames)
        {
            var names = attributeNames.Concat(new[] { "userPrincipalName", "accountEnabled" })
                .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            using (var hash = new Hasher())
            {
                foreach (var s in subjects.OrderBy(s => s.SourceId, StringComparer.OrdinalIgnoreCase))
                {
                    hash.Add(s.SourceId).Add(s.InScope ? "in" : "out").Add(s.LeftReason.ToString());
                    if (s.User == null)
                    {
                        hash.Add("-");
                        continue;
                    }
                    hash.Add(s.User.IsSoftDeleted ? "soft" : "live");
                    foreach (var r in s.User.Reasons.Select(r => r.Kind + ":" + r.GroupId + ":" + r.AppRoleId).OrderBy(x => x, StringComparer.Ordinal)) hash.Add(r);
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
                foreach (var u in target.Users.OrderBy(u => u.Id, StringComparer.OrdinalIgnoreCase))
                    hash.Add(u.Id).Add(u.Email?.ToLowerInvariant()).Add(u.FirstName).Add(u.LastName).Add(u.Company).Add(u.IsEmployee ? "E" : "C").Add(u.IsDisabled ? "D" : "A");
                return hash.Finish();
            }
        }

        public static string Links(IEnumerable<ObjectLink> links)
        {
            using (var hash = new Hasher())
            {
                foreach (var l in links.OrderBy(l => l.SourceId, StringComparer.OrdinalIgnoreCase))
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

        /// <summary>Streams length-prefixed fields into SHA-256 (no field can run into the next).</summary>
        private sealed class Hasher : IDisposable
        {
            private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            private byte[] _buffer = new byte[256];

            public Hasher Add(string value)
            {
                if (value == null)
                {
                    _hash.AppendData(new byte[] { 0xFF });
                    return this;
                }
                var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 4;
                if (_buffer.Length < max) _buffer = new byte[max];
                var n = Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, 4);
                _buffer[0] = (byte)(n >> 24);
                _buffer[1] = (byte)(n >> 16);
                _buffer[2] = (byte)(n >> 8);
                _buffer[3] = (byte)n;
                _hash.AppendData(_buffer, 0, n + 4);
                return this;
            }

            public string Finish()
            {
                var bytes = _hash.GetHashAndReset();
                var sb = new StringBuilder("sha256:", 7 + bytes.Length * 2);
                foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }

            public void Dispose() => _hash.Dispose();
        }
    }
}
