using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// Whole-blob reads and writes with optimistic concurrency: every read remembers the blob's ETag (or that it was
    /// absent); every write and delete is conditional on it (If-Match, or If-None-Match: * for a create). A blob this
    /// store never read is looked up first, so no write is ever unconditional. The container is created on first write.
    /// </summary>
    internal sealed class BlobContainerAccess
    {
        private const string Absent = "";
        private readonly ConcurrentDictionary<string, string> _etags = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private volatile bool _containerKnown;

        public BlobContainerAccess(BlobContainerClient container)
        {
            Container = container;
            Location = BlobStateStoreSettings.WithoutQuery(container.Uri);
        }

        public BlobContainerClient Container { get; }

        /// <summary>The container URL without a query (no SAS).</summary>
        public string Location { get; }

        /// <summary>The blob's content in memory, or null when it does not exist.</summary>
        public async Task<MemoryStream> ReadAsync(string blobName, CancellationToken cancellationToken)
        {
            try
            {
                var response = await Container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                using (var result = response.Value)
                {
                    var memory = new MemoryStream(result.Details.ContentLength > 0 && result.Details.ContentLength < int.MaxValue ? (int)result.Details.ContentLength : 0);
                    await result.Content.CopyToAsync(memory, 81920, cancellationToken).ConfigureAwait(false);
                    memory.Position = 0;
                    _etags[blobName] = result.Details.ETag.ToString();
                    return memory;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                _etags[blobName] = Absent;
                return null;
            }
            catch (RequestFailedException e)
            {
                throw Failed(blobName, "read", e);
            }
        }

        /// <summary>Replaces (or creates) the blob, only if it is still the version this store last saw.</summary>
        /// <exception cref="BlobStateConflictException">Another writer changed or created it in between.</exception>
        public async Task WriteAsync(string blobName, Stream content, CancellationToken cancellationToken)
        {
            var conditions = await ConditionsAsync(blobName, cancellationToken).ConfigureAwait(false);
            var options = new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            };
            try
            {
                var response = await WithContainerAsync(() => Container.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken), () => content.Position = 0, cancellationToken).ConfigureAwait(false);
                _etags[blobName] = response.Value.ETag.ToString();
            }
            catch (RequestFailedException e) when (IsConflict(e))
            {
                _etags.TryRemove(blobName, out _);
                throw new BlobStateConflictException(Location, blobName);
            }
            catch (RequestFailedException e)
            {
                throw Failed(blobName, "write", e);
            }
        }

        /// <summary>Deletes the blob if present, only if it is still the version this store last saw.</summary>
        public async Task DeleteAsync(string blobName, CancellationToken cancellationToken)
        {
            var conditions = await ConditionsAsync(blobName, cancellationToken).ConfigureAwait(false);
            if (conditions.IfNoneMatch.HasValue) return; // absent as far as we know, and a create by someone else is theirs to keep
            try
            {
                await Container.GetBlobClient(blobName).DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken).ConfigureAwait(false);
                _etags[blobName] = Absent;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                _etags[blobName] = Absent;
            }
            catch (RequestFailedException e) when (IsConflict(e))
            {
                _etags.TryRemove(blobName, out _);
                throw new BlobStateConflictException(Location, blobName);
            }
            catch (RequestFailedException e)
            {
                throw Failed(blobName, "delete", e);
            }
        }

        /// <summary>If-Match the remembered ETag, or If-None-Match: * when the blob was absent; looked up when unknown.</summary>
        private async Task<BlobRequestConditions> ConditionsAsync(string blobName, CancellationToken cancellationToken)
        {
            if (!_etags.TryGetValue(blobName, out var etag))
            {
                try
                {
                    var properties = await Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    etag = properties.Value.ETag.ToString();
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    etag = Absent;
                }
                catch (RequestFailedException e)
                {
                    throw Failed(blobName, "read", e);
                }
                _etags[blobName] = etag;
            }
            return etag == Absent
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(etag) };
        }

        /// <summary>Runs a write; when the container does not exist yet, creates it and runs the write once more.</summary>
        public async Task<T> WithContainerAsync<T>(Func<Task<T>> write, Action rewind, CancellationToken cancellationToken)
        {
            if (_containerKnown) return await write().ConfigureAwait(false);
            try
            {
                var result = await write().ConfigureAwait(false);
                _containerKnown = true;
                return result;
            }
            catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == BlobErrorCode.ContainerNotFound.ToString())
            {
                await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
                rewind?.Invoke();
                return await write().ConfigureAwait(false);
            }
        }

        public async Task EnsureContainerAsync(CancellationToken cancellationToken)
        {
            try
            {
                await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _containerKnown = true;
            }
            catch (RequestFailedException e)
            {
                throw new BlobStateStoreException(Location, "(the container)", "create", e.Status, e.ErrorCode, e);
            }
        }

        /// <summary>412: the ETag moved; 409 BlobAlreadyExists: If-None-Match: * lost a race to create it.</summary>
        private static bool IsConflict(RequestFailedException e) =>
            e.Status == 412 || (e.Status == 409 && e.ErrorCode == BlobErrorCode.BlobAlreadyExists.ToString());

        public BlobStateStoreException Failed(string blobName, string action, RequestFailedException e) =>
            new BlobStateStoreException(Location, blobName, action, e.Status, e.ErrorCode, e);
    }
}
