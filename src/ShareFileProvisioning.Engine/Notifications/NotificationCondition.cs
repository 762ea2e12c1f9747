using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>A reason to email. The key identifies the condition across cycles (a changed quarantine reason is a new condition).</summary>
    public sealed class NotificationCondition
    {
        public const string QuarantinedKind = "Quarantined";
        public const string StagedDeletesKind = "StagedDeletes";
        public const string FailuresKind = "Failures";

        private NotificationCondition(string kind, string key)
        {
            Kind = kind;
            Key = key;
        }

        /// <summary>Quarantined, StagedDeletes or Failures.</summary>
        public string Kind { get; }

        /// <summary>Kind, plus the reason for quarantine ("Quarantined:TooManyDeletes").</summary>
        public string Key { get; }

        /// <summary>The conditions a cycle outcome raises, quarantine first.</summary>
        public static IReadOnlyList<NotificationCondition> Of(CycleOutcome outcome)
        {
            var list = new List<NotificationCondition>();
            if (outcome == null) return list;
            if (!string.IsNullOrWhiteSpace(outcome.QuarantineReason))
                list.Add(new NotificationCondition(QuarantinedKind, QuarantinedKind + ":" + outcome.QuarantineReason.Trim()));
            if (outcome.StagedDeletes > 0) list.Add(new NotificationCondition(StagedDeletesKind, StagedDeletesKind));
            if (outcome.Failures > 0) list.Add(new NotificationCondition(FailuresKind, FailuresKind));
            return list;
        }

        public override string ToString() => Key;

        public override bool Equals(object obj) => obj is NotificationCondition other && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Key);
    }
}
