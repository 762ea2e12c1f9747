using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// Provisioning logs in the profile's blob container, under logs/: per cycle an append blob of JSON Lines (the same
    /// names as <see cref="FileLogStore"/>'s files) and a summary blob. An append blob takes at most 50,000 appends,
    /// so a long cycle continues in "&lt;stem&gt;.jsonl.2", ".3" … Reads stream the blobs and skip a torn last line.
    /// </summary>
    public sealed class BlobLogStore : ILogStore
    {
        internal const string Prefix = "logs/";

        public BlobLogStore(BlobStateStoreSettings settings)
            : this(BlobContainerClientFactory.Create(settings))
        {
        }

        internal BlobLogStore(BlobContainerClient container)
        {
            Access = new BlobContainerAccess(container ?? throw new ArgumentNullException(nameof(container)));
        }

        internal BlobContainerAccess Access { get; }

        /// <summary>Azure allows 50,000 appends per append blob; a cycle rolls over to its next part a little before.</summary>
        internal int AppendsPerPart { get; set; } = 49_000;

        /// <summary>The container URL and the logs/ folder (never a SAS).</summary>
        public string Location => Access.Location + "/" + Prefix.TrimEnd('/');

        public async Task<ICycleLogWriter> BeginCycleAsync(ProvisioningCycleContext cycle, CancellationToken cancellationToken)
        {
            if (cycle == null) throw new ArgumentNullException(nameof(cycle));
            if (string.IsNullOrWhiteSpace(cycle.CycleId) || cycle.CycleId.IndexOfAny(new[] { '/', '\\', '_', '.', '?', '#' }) >= 0)
                throw new ArgumentException($"Cycle id '{cycle.CycleId}' cannot name a log blob (use a guid).", nameof(cycle));
            var names = new LogFileNames(cycle.StartedAt, cycle.CycleId);
            var summary = CycleLogSummary.Begin(cycle);
            await WriteSummaryAsync(names, summary, cancellationToken).ConfigureAwait(false);
            var writer = new BlobCycleLogWriter(this, names, summary);
            await writer.StartPartAsync(cancellationToken).ConfigureAwait(false);
            return writer;
        }

        public IEnumerable<CycleLogSummary> ReadCycles(CancellationToken cancellationToken = default)
        {
            foreach (var names in ListCycles(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ReadSummary(names, cancellationToken);
            }
        }

        public CycleLogSummary ReadLastCycle()
        {
            var last = ListCycles(CancellationToken.None).FirstOrDefault();
            return last.Stem == null ? null : ReadSummary(last, CancellationToken.None);
        }

        public IEnumerable<ProvisioningLogRecord> ReadRecords(ProvisioningLogQuery query, CancellationToken cancellationToken = default)
        {
            query = query ?? new ProvisioningLogQuery();
            var filter = query.BuildRecordFilter();
            IEnumerable<LogFileNames> cycles = ListCycles(cancellationToken);
            if (query.LastCycles > 0) cycles = cycles.Take(query.LastCycles);
            foreach (var names in cycles.Where(c => query.MatchesCycle(c.CycleId)))
            {
                foreach (var part in RecordParts(names, cancellationToken))
                {
                    foreach (var record in ReadRecordBlob(part, cancellationToken))
                    {
                        if (filter(record)) yield return record;
                    }
                }
            }
        }

        public async Task<int> ApplyRetentionAsync(LogRetentionSettings retention, string keepCycleId, CancellationToken cancellationToken)
        {
            var deleted = 0;
            foreach (var c in (retention ?? LogRetentionSettings.Default).SelectExpired(ListCycles(cancellationToken), keepCycleId, DateTimeOffset.UtcNow))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var part in RecordParts(c, cancellationToken)) await DeleteQuietlyAsync(part, cancellationToken).ConfigureAwait(false);
                await DeleteQuietlyAsync(Prefix + c.Summary, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            return deleted;
        }

        /// <summary>The name of a cycle's record blob: part 1 is "&lt;stem&gt;.jsonl", later parts add ".2", ".3" …</summary>
        internal static string PartName(LogFileNames names, int part) =>
            Prefix + names.Records + (part == 1 ? "" : "." + part.ToString(CultureInfo.InvariantCulture));

        /// <summary>The cycles present (records or summary blob), newest first.</summary>
        private List<LogFileNames> ListCycles(CancellationToken cancellationToken)
        {
            var byStem = new Dictionary<string, LogFileNames>(StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var item in Access.Container.GetBlobs(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
                {
                    if (LogFileNames.TryParse(item.Name, out var names) && names.CycleId.IndexOf('.') < 0) byStem[names.Stem] = names;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return new List<LogFileNames>(); // no container yet: no cycles
            }
            catch (RequestFailedException e)
            {
                throw Access.Failed(Prefix, "list", e);
            }
            return byStem.Values.OrderByDescending(n => n.Stem, StringComparer.Ordinal).ToList();
        }

        private List<string> RecordParts(LogFileNames names, CancellationToken cancellationToken)
        {
            var first = PartName(names, 1);
            try
            {
                return Access.Container.GetBlobs(BlobTraits.None, BlobStates.None, first, cancellationToken)
                    .Select(b => b.Name)
                    .Where(n => n == first
                        || (n.Length > first.Length + 1 && n[first.Length] == '.'
                        && int.TryParse(n.Substring(first.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    .OrderBy(n => n == first ? 1 : int.Parse(n.Substring(first.Length + 1), CultureInfo.InvariantCulture))
                    .ToList();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return new List<string>();
            }
        }

        internal async Task WriteSummaryAsync(LogFileNames names, CycleLogSummary summary, CancellationToken cancellationToken)
        {
            var bytes = new UTF8Encoding(false).GetBytes(ProvisioningLogJson.SerializeObject(summary, indented: true));
            using (var content = new MemoryStream(bytes))
            {
                await Access.WriteAsync(Prefix + names.Summary, content, cancellationToken).ConfigureAwait(false);
            }
        }

        private CycleLogSummary ReadSummary(LogFileNames names, CancellationToken cancellationToken)
        {
            try
            {
                var content = Access.Container.GetBlobClient(Prefix + names.Summary).DownloadContent(cancellationToken).Value.Content;
                var summary = ProvisioningLogJson.DeserializeObject<CycleLogSummary>(content.ToString());
                if (summary != null) return summary;
            }
            catch (Exception e) when (e is RequestFailedException || e is Newtonsoft.Json.JsonException)
            {
                // Missing or unreadable summary: fall back to what the name tells.
            }
            return CycleLogSummary.FromName(names);
        }

        private IEnumerable<ProvisioningLogRecord> ReadRecordBlob(string blobName, CancellationToken cancellationToken)
        {
            Stream stream;
            try
            {
                stream = Access.Container.GetBlobClient(blobName).DownloadStreaming(cancellationToken: cancellationToken).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                yield break; // deleted by retention meanwhile
            }
            using (stream)
                foreach (var record in ProvisioningLogJson.ReadLines(stream, cancellationToken)) yield return record;
        }

        private async Task DeleteQuietlyAsync(string blobName, CancellationToken cancellationToken)
        {
            try
            {
                await Access.Container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // The next cycle's retention tries again.
            }
        }
    }
}
