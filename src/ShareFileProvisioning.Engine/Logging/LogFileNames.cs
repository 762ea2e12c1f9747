using System;
using System.Globalization;
using System.IO;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// File names of one cycle: &lt;yyyyMMddTHHmmssfffZ&gt;_&lt;cycleId&gt;.jsonl (records) and the same stem with
    /// .summary.json. The UTC start stamp first makes name order the cycle order; milliseconds keep two cycles started
    /// in the same second in order.
    /// </summary>
    internal readonly struct LogFileNames
    {
        public const string RecordsExtension = ".jsonl";
        public const string SummaryExtension = ".summary.json";
        private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

        /// <summary>Names written before milliseconds were added are still read.</summary>
        private static readonly string[] ReadFormats = { StampFormat, "yyyyMMdd'T'HHmmss'Z'" };

        public LogFileNames(DateTimeOffset startedAt, string cycleId)
        {
            Stem = startedAt.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + "_" + cycleId;
            CycleId = cycleId;
            StartedAt = startedAt;
        }

        private LogFileNames(string stem, string cycleId, DateTimeOffset startedAt)
        {
            Stem = stem;
            CycleId = cycleId;
            StartedAt = startedAt;
        }

        public string Stem { get; }

        public string CycleId { get; }

        /// <summary>To the millisecond (from the name).</summary>
        public DateTimeOffset StartedAt { get; }

        public string Records => Stem + RecordsExtension;

        public string Summary => Stem + SummaryExtension;

        /// <summary>Parses a records or summary file name; false for anything else (temp files, foreign files).</summary>
        public static bool TryParse(string fileName, out LogFileNames names)
        {
            names = default;
            var name = Path.GetFileName(fileName);
            string stem;
            if (name.EndsWith(SummaryExtension, StringComparison.OrdinalIgnoreCase)) stem = name.Substring(0, name.Length - SummaryExtension.Length);
            else if (name.EndsWith(RecordsExtension, StringComparison.OrdinalIgnoreCase)) stem = name.Substring(0, name.Length - RecordsExtension.Length);
            else return false;
            var underscore = stem.IndexOf('_');
            if (underscore <= 0 || underscore == stem.Length - 1) return false;
            if (!DateTime.TryParseExact(stem.Substring(0, underscore), ReadFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp)) return false;
            names = new LogFileNames(stem, stem.Substring(underscore + 1), new DateTimeOffset(stamp, TimeSpan.Zero));
            return true;
        }
    }
}
