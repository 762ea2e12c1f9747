using System;
using System.IO;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>
    /// The lock of a <see cref="FileStateStore"/>: an open exclusive handle on state.lock (FileShare.None, deleted on
    /// close). The OS drops the handle when the process dies, so a dead holder's lock is free for the next run.
    /// The holder's identity sits in a side file because the locked file cannot be read by others.
    /// </summary>
    internal sealed class FileStateLock : IStateLock
    {
        private readonly string _holderPath;
        private FileStream _handle;

        public FileStateLock(FileStream handle, string holderPath, StateLockHolder holder)
        {
            _handle = handle;
            _holderPath = holderPath;
            Holder = holder;
        }

        public StateLockHolder Holder { get; }

        /// <summary>An open file handle cannot be taken away.</summary>
        public System.Threading.CancellationToken Lost => System.Threading.CancellationToken.None;

        public void Dispose()
        {
            var handle = _handle;
            _handle = null;
            if (handle == null) return;
            try
            {
                File.Delete(_holderPath);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            handle.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
