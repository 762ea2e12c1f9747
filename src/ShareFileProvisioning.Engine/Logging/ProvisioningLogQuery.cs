using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>Filters for reading logs; every filter left empty matches everything.</summary>
    public sealed class ProvisioningLogQuery
    {
        /// <summary>Only these cycles.</summary>
        public ICollection<string> CycleIds { get; set; }

        /// <summary>Only the newest N cycles (applied before the other filters); 0 = all.</summary>
        public int LastCycles { get; set; }

        public ICollection<ProvisioningResult> Statuses { get; set; }

        public ICollection<ProvisioningAction> Actions { get; set; }

        /// <summary>
        /// Matches the source identity's UserPrincipalName, display name or id, case-insensitive; '*' and '?' are wildcards.
        /// </summary>
        public string Identity { get; set; }

        internal bool MatchesCycle(string cycleId) =>
            CycleIds == null || CycleIds.Count == 0 || CycleIds.Any(c => string.Equals(c, cycleId, StringComparison.OrdinalIgnoreCase));

        internal Func<ProvisioningLogRecord, bool> BuildRecordFilter()
        {
            var identity = string.IsNullOrWhiteSpace(Identity) ? null : Glob(Identity.Trim());
            return r =>
                (Statuses == null || Statuses.Count == 0 || (r.ProvisioningStatusInfo != null && Statuses.Contains(r.ProvisioningStatusInfo.Status)))
                && (Actions == null || Actions.Count == 0 || Actions.Contains(r.ProvisioningAction))
                && (identity == null || Matches(identity, r.SourceIdentity));
        }

        /// <summary>One wildcard match may take this long: a pattern like "*a*a*a*a*b" backtracks without end on long values.</summary>
        internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

        private bool Matches(Regex pattern, ProvisionedIdentity identity)
        {
            try
            {
                return identity != null && new[] { identity.UserPrincipalName, identity.DisplayName, identity.Id }.Any(v => v != null && pattern.IsMatch(v));
            }
            catch (RegexMatchTimeoutException e)
            {
                throw new ArgumentException(
                    $"The identity pattern '{Identity}' took longer than {MatchTimeout.TotalSeconds:0} s to match one log record and was stopped; use fewer wildcards.", nameof(Identity), e);
            }
        }

        private static Regex Glob(string pattern)
        {
            // "**" means what "*" means; collapsing runs keeps the regex from nesting quantifiers for nothing.
            var collapsed = Regex.Replace(pattern, @"\*{2,}", "*");
            var body = Regex.Escape(collapsed).Replace(@"\*", ".*").Replace(@"\?", ".");
            return new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}
