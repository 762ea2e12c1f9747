using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ShareFileProvisioning.Engine.State.Blob
{
    /// <summary>
    /// The lock of a <see cref="BlobStateStore"/>: a lease on the container's lock blob, renewed in the background at a
    /// third of its duration. A crashed job stops renewing, so its lease expires and the next job can take over. The
    /// holder (machine, process, user, since) is the lock blob's metadata, readable by the job that is turned away.
    /// </summary>
    internal sealed class BlobStateLock : IStateLock
    {
        private readonly BlobLeaseClient _lease;
        private readonly BlobClient _lockBlob;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly CancellationTokenSource _lost = new CancellationTokenSource();
        private readonly TimeSpan _duration;
        private readonly Task _renewal;
        private int _disposed;

        private BlobStateLock(BlobClient lockBlob, BlobLeaseClient lease, StateLockHolder holder, TimeSpan duration)
        {
            _lockBlob = lockBlob;
            _lease = lease;
            Holder = holder;
            _duration = duration;
            _renewal = RenewAsync(TimeSpan.FromTicks(duration.Ticks / 3), _stop.Token);
        }

        public StateLockHolder Holder { get; }

        /// <summary>Cancelled when another holder took the lease, or renewals kept failing for a whole lease period.</summary>
        public CancellationToken Lost => _lost.Token;

        /// <summary>The last renewal failure (the lease may be lost), or null.</summary>
        internal Exception RenewalError { get; private set; }

        public static async Task<IStateLock> AcquireAsync(BlobContainerAccess access, string lockBlobName, TimeSpan duration, CancellationToken cancellationToken)
        {
            var lockBlob = access.Container.GetBlobClient(lockBlobName);
            await EnsureLockBlobAsync(access, lockBlob, cancellationToken).ConfigureAwait(false);
            var lease = lockBlob.GetBlobLeaseClient(Guid.NewGuid().ToString());
            try
            {
                await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                throw new StateLockedException(access.Location, await ReadHolderAsync(lockBlob, cancellationToken).ConfigureAwait(false));
            }
            catch (RequestFailedException e)
            {
                throw access.Failed(lockBlobName, "lease", e);
            }

            var holder = StateLockHolder.Current();
            try
            {
                await lockBlob.SetMetadataAsync(ToMetadata(holder), new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await ReleaseQuietlyAsync(lease).ConfigureAwait(false);
                if (e is RequestFailedException r) throw access.Failed(lockBlobName, "write the holder of", r);
                throw;
            }
            return new BlobStateLock(lockBlob, lease, holder, duration);
        }

        private static async Task EnsureLockBlobAsync(BlobContainerAccess access, BlobClient lockBlob, CancellationToken cancellationToken)
        {
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            try
            {
                await access.WithContainerAsync(() => lockBlob.UploadAsync(new BinaryData(Array.Empty<byte>()), options, cancellationToken), null, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409 || e.Status == 412)
            {
                // It exists (perhaps leased by another job: then the write is refused with 412/409 too).
            }
            catch (RequestFailedException e)
            {
                throw access.Failed(lockBlob.Name, "create", e);
            }
        }

        private static async Task<StateLockHolder> ReadHolderAsync(BlobClient lockBlob, CancellationToken cancellationToken)
        {
            try
            {
                var properties = await lockBlob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return FromMetadata(properties.Value.Metadata);
            }
            catch (RequestFailedException)
            {
                return null; // the message then says "holder unknown"
            }
        }

        // Metadata values must be ASCII: escape (user names can be anything).
        private static Dictionary<string, string> ToMetadata(StateLockHolder holder) => new Dictionary<string, string>
        {
            ["machine"] = Uri.EscapeDataString(holder.MachineName ?? ""),
            ["processid"] = holder.ProcessId.ToString(CultureInfo.InvariantCulture),
            ["user"] = Uri.EscapeDataString(holder.UserName ?? ""),
            ["since"] = holder.Since.ToString("o", CultureInfo.InvariantCulture),
        };

        private static StateLockHolder FromMetadata(IDictionary<string, string> metadata)
        {
            if (metadata == null
                || !metadata.TryGetValue("processid", out var pid) || !int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var processId)
                || !metadata.TryGetValue("since", out var since) || !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var sinceValue))
                return null;
            return new StateLockHolder
            {
                MachineName = metadata.TryGetValue("machine", out var m) ? Uri.UnescapeDataString(m) : null,
                ProcessId = processId,
                UserName = metadata.TryGetValue("user", out var u) ? Uri.UnescapeDataString(u) : null,
                Since = sinceValue,
            };
        }

        private async Task RenewAsync(TimeSpan interval, CancellationToken stop)
        {
            var renewed = DateTimeOffset.UtcNow;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stop).ConfigureAwait(false);
                    await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
                    RenewalError = null;
                    renewed = DateTimeOffset.UtcNow;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (RequestFailedException e)
                {
                    // Transient failures are retried by the SDK; the next tick tries again while the lease may still be valid.
                    RenewalError = e;
                    // Taken by another job (409/412), or unrenewed for a whole lease period: the lock is gone, so writes stop now.
                    if (e.Status == 409 || e.Status == 412 || DateTimeOffset.UtcNow - renewed >= _duration)
                    {
                        _lost.Cancel();
                        return;
                    }
                }
            }
        }

        internal bool IsReleased => Volatile.Read(ref _disposed) != 0;

        /// <summary>
        /// Renews the lease now: before each state write, so a job whose lease expired (a long pause) and was taken
        /// over by another job cannot overwrite that job's state.
        /// </summary>
        /// <exception cref="StateLockedException">The lease is lost; the message names the job that holds it now.</exception>
        internal async Task EnsureHeldAsync(string location, CancellationToken cancellationToken)
        {
            try
            {
                await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                throw new StateLockedException(location, await ReadHolderAsync(_lockBlob, cancellationToken).ConfigureAwait(false));
            }
        }

        /// <summary>Stops renewing without releasing, as a crashed or frozen job would (tests).</summary>
        internal void StopRenewing() => _stop.Cancel();

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _stop.Cancel();
            try
            {
                await _renewal.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            try
            {
                // Clear the holder so a stale name never shows; then free the lease for the next job at once.
                await _lockBlob.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = _lease.LeaseId }).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Lease already lost: nothing of ours to clear.
            }
            await ReleaseQuietlyAsync(_lease).ConfigureAwait(false);
            _stop.Dispose();
        }

        public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

        private static async Task ReleaseQuietlyAsync(BlobLeaseClient lease)
        {
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Expired or taken over: the lease will not block anyone.
            }
        }
    }
}
