using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// How long provisioning logs are kept, applied at the end of each cycle. Either bound may be off (0). Entra keeps
    /// provisioning logs 30 days, hence the default. Part of the configuration as "logRetention": {"days":30,"cycles":0}.
    /// </summary>
    public sealed class LogRetentionSettings
    {
        public const int DefaultDays = 30;

        /// <summary>Delete cycles that started more than this many days ago; 0 = no age limit.</summary>
        public int Days { get; set; } = DefaultDays;

        /// <summary>Keep at most this many cycles (newest); 0 = no count limit.</summary>
        public int Cycles { get; set; }

        public static LogRetentionSettings Default => new LogRetentionSettings();

        /// <summary>
        /// The cycles to delete, from a list newest first; the running cycle is never deleted and takes one of the
        /// retained slots. Shared by every log store so they expire the same cycles.
        /// </summary>
        internal List<LogFileNames> SelectExpired(IReadOnlyList<LogFileNames> cyclesNewestFirst, string keepCycleId, DateTimeOffset now)
        {
            var problem = Validate();
            if (problem != null) throw new ArgumentException(problem);
            bool IsKept(LogFileNames c) => string.Equals(c.CycleId, keepCycleId, StringComparison.OrdinalIgnoreCase);
            var cutoff = now.AddDays(-Days);
            var slots = Cycles - (cyclesNewestFirst.Any(IsKept) ? 1 : 0);
            var retained = 0;
            var expired = new List<LogFileNames>();
            foreach (var c in cyclesNewestFirst)
            {
                if (IsKept(c)) continue;
                var tooOld = Days > 0 && c.StartedAt < cutoff;
                var tooMany = Cycles > 0 && retained >= slots;
                if (tooOld || tooMany) expired.Add(c);
                else retained++;
            }

            return expired;
        }

        /// <summary>Null when valid, else a message naming the field.</summary>
        public string Validate()
        {
            if (Days < 0) return $"LogRetention.Days must be 0 (no limit) or more, not {Days}.";
            if (Cycles < 0) return $"LogRetention.Cycles must be 0 (no limit) or more, not {Cycles}.";
            return null;
        }
    }
}
