using System;
using System.IO;
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
    internal sealed class BlobCycleLogWriter : CycleLogWriter
    {
        private readonly BlobLogStore _store;
        private AppendBlobClient _part;
        private int _partNumber;
        private int _appendsInPart;
        private ETag _etag;

        public BlobCycleLogWriter(BlobLogStore store, LogFileNames names, CycleLogSummary summary)
            : base(names, summary)
        {
            _store = store;
        }

        protected override bool IsOpen => _part != null;

        /// <summary>Creates the next record blob (If-None-Match: *: a cycle's blob is never overwritten).</summary>
        internal async Task StartPartAsync(CancellationToken cancellationToken)
        {
            var number = _partNumber + 1;
            var name = BlobLogStore.PartName(Names, number);
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

        protected override async Task AppendAsync(byte[] line, CancellationToken cancellationToken)
        {
            if (_appendsInPart >= _store.AppendsPerPart) await StartPartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using (var content = new MemoryStream(line))
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
        }

        protected override Task WriteSummaryAsync(CancellationToken cancellationToken) => _store.WriteSummaryAsync(Names, Summary, cancellationToken);

        protected override Task ApplyRetentionAsync(LogRetentionSettings retention, CancellationToken cancellationToken) =>
            _store.ApplyRetentionAsync(retention, CycleId, cancellationToken);

        protected override void Close() => _part = null;
    }
}
