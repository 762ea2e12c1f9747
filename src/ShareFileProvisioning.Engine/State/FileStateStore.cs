using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>
    /// The default state store: one JSON file per part in the profile's state/ folder, each replaced atomically
    /// (temp, flush to disk, rename), and an exclusive lock file. Stray temp files from a crash are ignored on read
    /// and removed when the lock is taken.
    /// </summary>
    public sealed class FileStateStore : IStateStore
    {
        internal const string LinksFile = "links.json";
        internal const string DeltaLinksFile = "delta-links.json";
        internal const string AssignmentsFile = "assignments.json";
        internal const string RetryQueueFile = "retry-queue.json";
        internal const string CycleHistoryFile = "cycle-history.json";
        internal const string QuarantineFile = "quarantine.json";
        internal const string StagedDeletesFile = "staged-deletes.json";
        internal const string LockFile = "state.lock";
        internal const string LockHolderFile = "state.lock.holder";

        public FileStateStore(string directory)
        {
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The state directory must not be empty.", nameof(directory));
            Directory = Path.GetFullPath(directory);
        }

        public FileStateStore(ProvisioningProfile profile)
            : this((profile ?? throw new ArgumentNullException(nameof(profile))).StateDirectory)
        {
        }

        public string Directory { get; }

        public string Location => Directory;

        private string PathOf(string file) => Path.Combine(Directory, file);

        public Task<IStateLock> AcquireLockAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            System.IO.Directory.CreateDirectory(Directory);
            FileStream handle = null;
            for (var attempt = 0; handle == null; attempt++)
            {
                try
                {
                    handle = new FileStream(PathOf(LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
                }
                catch (IOException e)
                {
                    throw new StateLockedException(Location, ReadHolder(), e);
                }
                catch (UnauthorizedAccessException e)
                {
                    // Windows: the previous holder's file is still being deleted; it is held as far as we can tell.
                    throw new StateLockedException(Location, ReadHolder(), e);
                }
                // Unix: the previous holder unlinks the file before closing it; if we locked that unlinked file,
                // our lock protects nothing. Open again (the next open creates a fresh file).
                if (!File.Exists(PathOf(LockFile)))
                {
                    handle.Dispose();
                    handle = null;
                    // Still racing a releasing holder after a few tries: report the profile as busy rather than
                    // hand out a lock on a file nobody else can see.
                    if (attempt >= 3) throw new StateLockedException(Location, ReadHolder(), null);
                }
            }

            try
            {
                var holder = StateLockHolder.Current();
                var bytes = Encoding.UTF8.GetBytes(Serialize(holder));
                handle.SetLength(0);
                handle.Write(bytes, 0, bytes.Length);
                handle.Flush(true);
                // Not atomic on purpose: a torn side file only costs a vaguer "holder unknown" message.
                File.WriteAllText(PathOf(LockHolderFile), Serialize(holder));
                AtomicFile.DeleteStrayTempFiles(Directory);
                return Task.FromResult<IStateLock>(new FileStateLock(handle, PathOf(LockHolderFile), holder));
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        private static string Serialize(StateLockHolder holder)
        {
            using (var writer = new StringWriter())
            {
                StateJson.Serializer.Serialize(writer, holder);
                return writer.ToString();
            }
        }

        private StateLockHolder ReadHolder()
        {
            try
            {
                using (var stream = new FileStream(PathOf(LockHolderFile), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    return StateJson.Read<StateLockHolder>(stream);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        public async Task<LinkSet> LoadLinksAsync(CancellationToken cancellationToken)
        {
            var path = PathOf(LinksFile);
            if (!File.Exists(path)) return new LinkSet();
            return await Task.Run(() =>
            {
                using (var stream = OpenRead(path))
                {
                    try
                    {
                        return StateJson.ReadLinks(stream, path, cancellationToken);
                    }
                    catch (Newtonsoft.Json.JsonException e)
                    {
                        throw StateJson.Damaged(path, e.Message, e);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        public Task SaveLinksAsync(IEnumerable<ObjectLink> links, CancellationToken cancellationToken)
        {
            var snapshot = (links ?? throw new ArgumentNullException(nameof(links))).ToList();
            return AtomicFile.WriteAsync(PathOf(LinksFile), (stream, ct) =>
            {
                StateJson.WriteLinks(stream, snapshot, ct);
                return Task.CompletedTask;
            }, cancellationToken, keepPrevious: true);
        }

        public async Task<DeltaLinks> LoadDeltaLinksAsync(CancellationToken cancellationToken) =>
            await ReadAsync<DeltaLinks>(DeltaLinksFile, cancellationToken).ConfigureAwait(false) ?? new DeltaLinks();

        public Task SaveDeltaLinksAsync(DeltaLinks deltaLinks, CancellationToken cancellationToken) =>
            WriteAsync(DeltaLinksFile, deltaLinks ?? throw new ArgumentNullException(nameof(deltaLinks)), cancellationToken);

        public Task<AssignmentSnapshot> LoadAssignmentSnapshotAsync(CancellationToken cancellationToken) =>
            ReadAsync<AssignmentSnapshot>(AssignmentsFile, cancellationToken);

        public Task SaveAssignmentSnapshotAsync(AssignmentSnapshot snapshot, CancellationToken cancellationToken) =>
            WriteAsync(AssignmentsFile, snapshot ?? throw new ArgumentNullException(nameof(snapshot)), cancellationToken);

        public async Task<IReadOnlyList<RetryQueueEntry>> LoadRetryQueueAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<RetryQueueEntry>>(RetryQueueFile, cancellationToken).ConfigureAwait(false) ?? new List<RetryQueueEntry>();

        public Task SaveRetryQueueAsync(IEnumerable<RetryQueueEntry> entries, CancellationToken cancellationToken) =>
            WriteAsync(RetryQueueFile, (entries ?? throw new ArgumentNullException(nameof(entries))).ToList(), cancellationToken);

        public async Task<IReadOnlyList<CycleHistoryEntry>> LoadCycleHistoryAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<CycleHistoryEntry>>(CycleHistoryFile, cancellationToken).ConfigureAwait(false) ?? new List<CycleHistoryEntry>();

        public async Task AppendCycleHistoryAsync(CycleHistoryEntry entry, int keep, CancellationToken cancellationToken)
        {
            if (entry == null) throw new ArgumentNullException(nameof(entry));
            if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), "Keep at least one cycle.");
            var history = (await LoadCycleHistoryAsync(cancellationToken).ConfigureAwait(false)).ToList();
            history.Add(entry);
            if (history.Count > keep) history.RemoveRange(0, history.Count - keep);
            await WriteAsync(CycleHistoryFile, history, cancellationToken).ConfigureAwait(false);
        }

        public Task<QuarantineStatus> LoadQuarantineAsync(CancellationToken cancellationToken) =>
            ReadAsync<QuarantineStatus>(QuarantineFile, cancellationToken);

        public Task SaveQuarantineAsync(QuarantineStatus status, CancellationToken cancellationToken)
        {
            if (status != null) return WriteAsync(QuarantineFile, status, cancellationToken);
            Delete(QuarantineFile);
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<StagedDelete>> LoadStagedDeletesAsync(CancellationToken cancellationToken) =>
            await ReadAsync<List<StagedDelete>>(StagedDeletesFile, cancellationToken).ConfigureAwait(false) ?? new List<StagedDelete>();

        public Task SaveStagedDeletesAsync(IEnumerable<StagedDelete> stagedDeletes, CancellationToken cancellationToken) =>
            WriteAsync(StagedDeletesFile, (stagedDeletes ?? throw new ArgumentNullException(nameof(stagedDeletes))).ToList(), cancellationToken);

        public Task<T> LoadDocumentAsync<T>(string name, CancellationToken cancellationToken)
            where T : class =>
            ReadAsync<T>(StateDocumentName.Check(name), cancellationToken);

        public Task SaveDocumentAsync<T>(string name, T value, CancellationToken cancellationToken)
            where T : class
        {
            StateDocumentName.Check(name);
            if (value != null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                return WriteAsync(name, value, cancellationToken);
            }
            Delete(name);
            return Task.CompletedTask;
        }

        public Task ResetAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var file in new[] { LinksFile, DeltaLinksFile, AssignmentsFile, RetryQueueFile }) Delete(file);
            return Task.CompletedTask;
        }

        private void Delete(string file)
        {
            var path = PathOf(file);
            if (File.Exists(path)) File.Delete(path);
        }

        private static FileStream OpenRead(string path) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024, FileOptions.SequentialScan);

        private async Task<T> ReadAsync<T>(string file, CancellationToken cancellationToken)
            where T : class
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(file);
            if (!File.Exists(path)) return null;
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
            {
                bytes = new byte[stream.Length];
                var read = 0;
                while (read < bytes.Length)
                {
                    var n = await stream.ReadAsync(bytes, read, bytes.Length - read, cancellationToken).ConfigureAwait(false);
                    if (n == 0) break;
                    read += n;
                }
            }
            T value;
            try
            {
                using (var memory = new MemoryStream(bytes))
                {
                    value = StateJson.Read<T>(memory);
                }
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw StateJson.Damaged(path, e.Message, e);
            }
            // An empty or null document is damage, never "nothing stored": that would silently forget the state.
            if (value == null) throw StateJson.Damaged(path, "it is empty");
            return value;
        }

        private Task WriteAsync<T>(string file, T value, CancellationToken cancellationToken) =>
            AtomicFile.WriteAsync(PathOf(file), (stream, ct) =>
            {
                StateJson.Write(stream, value);
                return Task.CompletedTask;
            }, cancellationToken, keepPrevious: true);
    }
}
