using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// Appends one cycle's records to its append blob, one append per record (each record is durable when WriteAsync
    /// returns), serialized by a semaphore and conditional on the ETag of the previous append.
    /// </summary>
    internal sealed class BlobCycleLogWriter : ICycleLogWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);
        private readonly BlobLogStore _store;
        private readonly LogFileNames _names;
        private readonly CycleLogSummary _summary;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private AppendBlobClient _part;
        private int _partNumber;
        private int _appendsInPart;
        private ETag _etag;
        private bool _completed;

        public BlobCycleLogWriter(BlobLogStore store, LogFileNames names, CycleLogSummary summary)
        {
            _store = store;
            _names = names;
            _summary = summary;
        }

        public string CycleId => _names.CycleId;

        public int RecordCount => _summary.RecordCount;

        /// <summary>Creates the next record blob (If-None-Match: *: a cycle's blob is never overwritten).</summary>
        internal async Task StartPartAsync(CancellationToken cancellationToken)
        {
            var number = _partNumber + 1;
            var name = BlobLogStore.PartName(_names, number);
            var client = _store.Access.Container.GetAppendBlobClient(name);
            var options = new AppendBlobCreateOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson; charset=utf-8" },
                Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
            };
            try
            {
                var created = await _store.Access.WithContainerAsync(() => client.CreateAsync(options, cancellationToken), null, cancellationToken).ConfigureAwait(false);
                _etag = created.Value.ETag;
            }
            catch (RequestFailedException e) when (e.Status == 409 || e.Status == 412)
            {
                throw new BlobStateConflictException(_store.Access.Location, name);
            }
            catch (RequestFailedException e)
            {
                throw _store.Access.Failed(name, "create", e);
            }
            _part = client;
            _partNumber = number;
            _appendsInPart = 0;
        }

        public async Task WriteAsync(ProvisioningLogRecord record, CancellationToken cancellationToken)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var bytes = Utf8.GetBytes(ProvisioningLogJson.Serialize(ProvisioningLogSanitizer.Sanitize(record)) + "\n");
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_completed || _part == null) throw new InvalidOperationException($"The log of cycle {CycleId} is already closed.");
                if (_appendsInPart >= _store.AppendsPerPart) await StartPartAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    using (var content = new MemoryStream(bytes))
                    {
                        // Not cancellable once started: the append is one atomic block either way.
                        var appended = await _part.AppendBlockAsync(content, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfMatch = _etag } }, CancellationToken.None).ConfigureAwait(false);
                        _etag = appended.Value.ETag;
                    }
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    throw new BlobStateConflictException(_store.Access.Location, _part.Name);
                }
                catch (RequestFailedException e)
                {
                    throw _store.Access.Failed(_part.Name, "append to", e);
                }
                _appendsInPart++;
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
                _part = null;
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
                _part = null;
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
    }
}
