using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>Appends one cycle's records to its .jsonl file, one flushed line per record, serialized by a semaphore.</summary>
    internal sealed class FileCycleLogWriter : ICycleLogWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private readonly FileLogStore _store;
        private readonly LogFileNames _names;
        private readonly CycleLogSummary _summary;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private FileStream _stream;
        private bool _completed;

        public FileCycleLogWriter(FileLogStore store, LogFileNames names, CycleLogSummary summary)
        {
            _store = store;
            _names = names;
            _summary = summary;
            _stream = new FileStream(Path.Combine(store.Directory, names.Records), FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
        }

        public string CycleId => _names.CycleId;

        public int RecordCount => _summary.RecordCount;

        public async Task WriteAsync(ProvisioningLogRecord record, CancellationToken cancellationToken)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var line = ProvisioningLogJson.Serialize(ProvisioningLogSanitizer.Sanitize(record)) + "\n";
            var bytes = Utf8.GetBytes(line);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_completed || _stream == null) throw new InvalidOperationException($"The log of cycle {CycleId} is already closed.");
                // Not cancellable once started: a cancelled write could leave half a line.
                await _stream.WriteAsync(bytes, 0, bytes.Length, CancellationToken.None).ConfigureAwait(false);
                await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                Count(record);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task<CycleLogSummary> CompleteAsync(CycleCompletion completion, LogRetentionSettings retention, CancellationToken cancellationToken)
        {
            completion = completion ?? new CycleCompletion();
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_completed) throw new InvalidOperationException($"The log of cycle {CycleId} is already complete.");
                _completed = true;
                CloseStream();
                _summary.Complete(completion);
                await _store.WriteSummaryAsync(_names, _summary, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
            await _store.ApplyRetentionAsync(retention, CycleId, cancellationToken).ConfigureAwait(false);
            return _summary;
        }

        public void Dispose()
        {
            _gate.Wait();
            try
            {
                CloseStream();
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Count(ProvisioningLogRecord record)
        {
            _summary.RecordCount++;
            Increment(_summary.ActionCounts, record.ProvisioningAction.ToString());
            Increment(_summary.StatusCounts, (record.ProvisioningStatusInfo?.Status ?? ProvisioningResult.Success).ToString());
        }

        private static void Increment(System.Collections.Generic.Dictionary<string, int> counts, string key) =>
            counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

        private void CloseStream()
        {
            _stream?.Dispose();
            _stream = null;
        }
    }
}
