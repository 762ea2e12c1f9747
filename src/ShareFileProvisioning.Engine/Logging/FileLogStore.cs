using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// The default log store: JSON Lines per cycle plus a small summary file per cycle, in the profile's logs/ folder
    /// (see <see cref="LogFileNames"/>). Readers share files with a running writer and skip a torn last line.
    /// </summary>
    public sealed class FileLogStore : ILogStore
    {
        public FileLogStore(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The log directory must not be empty.", nameof(directory));
            Directory = Path.GetFullPath(directory);
        }

        public FileLogStore(ProvisioningProfile profile)
            : this((profile ?? throw new ArgumentNullException(nameof(profile))).LogDirectory)
        {
        }

        public string Directory { get; }

        public string Location => Directory;

        public async Task<ICycleLogWriter> BeginCycleAsync(ProvisioningCycleContext cycle, CancellationToken cancellationToken)
        {
            if (cycle == null) throw new ArgumentNullException(nameof(cycle));
            if (string.IsNullOrWhiteSpace(cycle.CycleId) || cycle.CycleId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || cycle.CycleId.Contains("_"))
                throw new ArgumentException($"Cycle id '{cycle.CycleId}' cannot name a log file (use a guid).", nameof(cycle));
            System.IO.Directory.CreateDirectory(Directory);
            var names = new LogFileNames(cycle.StartedAt, cycle.CycleId);
            var summary = CycleLogSummary.Begin(cycle);
            await WriteSummaryAsync(names, summary, cancellationToken).ConfigureAwait(false);
            return new FileCycleLogWriter(this, names, summary);
        }

        public IEnumerable<CycleLogSummary> ReadCycles(CancellationToken cancellationToken = default)
        {
            foreach (var names in ListCycles())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ReadSummary(names);
            }
        }

        public CycleLogSummary ReadLastCycle()
        {
            var last = ListCycles().FirstOrDefault();
            return last.Stem == null ? null : ReadSummary(last);
        }

        public IEnumerable<ProvisioningLogRecord> ReadRecords(ProvisioningLogQuery query, CancellationToken cancellationToken = default)
        {
            query = query ?? new ProvisioningLogQuery();
            var filter = query.BuildRecordFilter();
            IEnumerable<LogFileNames> cycles = ListCycles();
            if (query.LastCycles > 0) cycles = cycles.Take(query.LastCycles);
            foreach (var names in cycles.Where(c => query.MatchesCycle(c.CycleId)))
            {
                foreach (var record in ReadRecordFile(Path.Combine(Directory, names.Records), cancellationToken))
                {
                    if (filter(record)) yield return record;
                }
            }
        }

        public Task<int> ApplyRetentionAsync(LogRetentionSettings retention, string keepCycleId, CancellationToken cancellationToken)
        {
            var deleted = 0;
            foreach (var c in (retention ?? LogRetentionSettings.Default).SelectExpired(ListCycles(), keepCycleId, DateTimeOffset.UtcNow))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Delete(Path.Combine(Directory, c.Records));
                Delete(Path.Combine(Directory, c.Summary));
                deleted++;
            }
            return Task.FromResult(deleted);
        }

        /// <summary>The cycles present (records or summary file), newest first.</summary>
        internal List<LogFileNames> ListCycles()
        {
            if (!System.IO.Directory.Exists(Directory)) return new List<LogFileNames>();
            var byStem = new Dictionary<string, LogFileNames>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
            {
                if (LogFileNames.TryParse(file, out var names)) byStem[names.Stem] = names;
            }
            return byStem.Values.OrderByDescending(n => n.Stem, StringComparer.Ordinal).ToList();
        }

        internal Task WriteSummaryAsync(LogFileNames names, CycleLogSummary summary, CancellationToken cancellationToken) =>
            AtomicFile.WriteAllTextAsync(Path.Combine(Directory, names.Summary), ProvisioningLogJson.SerializeObject(summary, indented: true),
                cancellationToken);

        private CycleLogSummary ReadSummary(LogFileNames names)
        {
            var path = Path.Combine(Directory, names.Summary);
            try
            {
                if (File.Exists(path))
                {
                    var summary = ProvisioningLogJson.DeserializeObject<CycleLogSummary>(File.ReadAllText(path, Encoding.UTF8));
                    if (summary != null) return summary;
                }
            }
            catch (Exception e) when (e is IOException || e is Newtonsoft.Json.JsonException)
            {
                // Unreadable summary: fall back to what the file name tells.
            }
            return CycleLogSummary.FromName(names);
        }

        private static IEnumerable<ProvisioningLogRecord> ReadRecordFile(string path, CancellationToken cancellationToken)
        {
            if (!File.Exists(path)) yield break;
            // ReadWrite|Delete sharing: a running cycle keeps appending, retention may delete; we read what is there.
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024))
                foreach (var record in ProvisioningLogJson.ReadLines(stream, cancellationToken)) yield return record;
        }

        private static void Delete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
                // In use (a reader on Windows): the next cycle's retention tries again.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
