using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// What every cycle log writer does, whatever it writes to (a file, an append blob): records are sanitized, written
    /// one line at a time under a semaphore and counted for the summary; completing writes the summary and applies the
    /// retention. A store supplies only how a line is appended, how the summary is stored, and how the writer closes.
    /// </summary>
    internal abstract class CycleLogWriter : ICycleLogWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private bool _completed;

        protected CycleLogWriter(LogFileNames names, CycleLogSummary summary)
        {
            Names = names;
            Summary = summary;
        }

        protected LogFileNames Names { get; }

        protected CycleLogSummary Summary { get; }

        public string CycleId => Names.CycleId;

        public int RecordCount => Summary.RecordCount;

        /// <summary>False once closed: no more lines.</summary>
        protected abstract bool IsOpen { get; }

        /// <summary>Appends one whole line; called one at a time, and never cancelled once started (half a line would be damage).</summary>
        protected abstract Task AppendAsync(byte[] line, CancellationToken cancellationToken);

        protected abstract Task WriteSummaryAsync(CancellationToken cancellationToken);

        protected abstract Task ApplyRetentionAsync(LogRetentionSettings retention, CancellationToken cancellationToken);

        protected abstract void Close();

        public async Task WriteAsync(ProvisioningLogRecord record, CancellationToken cancellationToken)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var bytes = Utf8.GetBytes(ProvisioningLogJson.Serialize(ProvisioningLogSanitizer.Sanitize(record)) + "\n");
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_completed || !IsOpen) throw new InvalidOperationException($"The log of cycle {CycleId} is already closed.");
                await AppendAsync(bytes, cancellationToken).ConfigureAwait(false);
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
                Close();
                Summary.Complete(completion);
                await WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
            await ApplyRetentionAsync(retention, cancellationToken).ConfigureAwait(false);
            return Summary;
        }

        public void Dispose()
        {
            _gate.Wait();
            try
            {
                Close();
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Count(ProvisioningLogRecord record)
        {
            Summary.RecordCount++;
            Increment(Summary.ActionCounts, record.ProvisioningAction.ToString());
            Increment(Summary.StatusCounts, (record.ProvisioningStatusInfo?.Status ?? ProvisioningResult.Success).ToString());
        }

        private static void Increment(Dictionary<string, int> counts, string key) =>
            counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
    }
}
