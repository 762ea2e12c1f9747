using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Source.Pipeline
{
    /// <summary>
    /// Users handed over as rows of source-attribute-named values (Import-Csv, Get-ADUser): every row is in scope.
    /// The anchor is the first present of id, objectId, ObjectGUID, userPrincipalName. Enabled state comes from
    /// accountEnabled or Enabled (Get-ADUser); absent means enabled. No change tracking: every read is full.
    /// </summary>
    public sealed class PipelineSource : IProvisioningSource
    {
        private static readonly string[] AnchorNames = { "id", "objectId", "ObjectGUID", "userPrincipalName" };
        private readonly List<IDictionary<string, object>> _rows;

        public PipelineSource(IEnumerable<IDictionary<string, object>> rows)
        {
            _rows = (rows ?? throw new ArgumentNullException(nameof(rows))).ToList();
        }

        public string Name => "Pipeline";

        public Logging.ProvisioningServicePrincipal ServicePrincipalIdentity => null;

        public Logging.ProvisioningInitiator Initiator => Logging.ProvisioningCycleContext.CurrentUser();

        public Task<SourceReadResult> ReadFullAsync(SourceReadOptions options, CancellationToken cancellationToken)
        {
            var result = new SourceReadResult { IsFullRead = true };
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _rows.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var user = ToUser(_rows[i], i + 1);
                if (!seen.Add(user.Id)) throw new ArgumentException($"Row {i + 1}: the anchor '{user.Id}' appears twice; each source user must be unique.");
                result.Users.Add(user);
            }

            return Task.FromResult(result);
        }

        public async Task<SourceReadResult> ReadChangesAsync(SourceWatermark watermark, SourceReadOptions options, CancellationToken cancellationToken)
        {
            var result = await ReadFullAsync(options, cancellationToken).ConfigureAwait(false);
            result.FellBackToFullRead = watermark != null;
            result.FallbackReason = watermark != null ? "the pipeline source has no change tracking" : null;
            return result;
        }

        internal static ScopedUser ToUser(IDictionary<string, object> row, int number)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in row)
                if (!string.IsNullOrWhiteSpace(pair.Key)) values[pair.Key] = pair.Value;

            var anchor = AnchorNames.Select(n => values.TryGetValue(n, out var v) ? Text(v) : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? throw new ArgumentException($"Row {number} has no anchor: give it one of {string.Join(", ", AnchorNames)}.");
            var enabled = Flag(values, "accountEnabled", number) ?? Flag(values, "Enabled", number) ?? true;
            var attributes = new SourceObject();
            foreach (var pair in values)
            {
                if (string.Equals(pair.Key, SourceObject.IsSoftDeletedAttribute, StringComparison.OrdinalIgnoreCase)) continue;
                attributes.Set(pair.Key, Value(pair.Value));
            }

            if (!values.ContainsKey("accountEnabled")) attributes.Set("accountEnabled", enabled);
            attributes.IsSoftDeleted = !enabled;
            return new ScopedUser
            {
                Id = anchor,
                UserPrincipalName = UnsafeText.Neutralize(values.TryGetValue("userPrincipalName", out var upn) ? Text(upn) : null),
                DisplayName = UnsafeText.Neutralize(values.TryGetValue("displayName", out var dn) ? Text(dn) : values.TryGetValue("Name", out var n) ? Text(n) : null),
                AccountEnabled = enabled,
                Attributes = attributes,
                Reasons = new List<ScopeReason> { new ScopeReason { Kind = ScopeReasonKind.Supplied } },
            };
        }

        private static bool? Flag(Dictionary<string, object> values, string name, int number)
        {
            if (!values.TryGetValue(name, out var v) || v == null) return null;
            if (v is bool b) return b;
            var text = Text(v);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (bool.TryParse(text.Trim(), out var parsed)) return parsed;
            throw new ArgumentException($"Row {number}: '{name}' is '{text}', not true or false.");
        }

        /// <summary>Values the evaluator knows pass through; other scalars become invariant text; collections become string lists.</summary>
        private static object Value(object v)
        {
            switch (v)
            {
                case null: return null;
                case string s: return s.Length == 0 ? null : s;
                case bool _:
                case long _:
                case int _:
                case short _:
                case DateTimeOffset _:
                case DateTime _:
                case Guid _:
                    return v;
                case IEnumerable list when !(v is string):
                    return list.Cast<object>().Where(o => o != null).Select(Text).ToList();
                default:
                    return Text(v);
            }
        }

        private static string Text(object v) => v == null ? null : Convert.ToString(v, CultureInfo.InvariantCulture);
    }
}
