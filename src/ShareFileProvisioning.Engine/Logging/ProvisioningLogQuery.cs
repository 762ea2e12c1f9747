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

        private static bool Matches(Regex pattern, ProvisionedIdentity identity) =>
            identity != null && new[] { identity.UserPrincipalName, identity.DisplayName, identity.Id }.Any(v => v != null && pattern.IsMatch(v));

        private static Regex Glob(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
