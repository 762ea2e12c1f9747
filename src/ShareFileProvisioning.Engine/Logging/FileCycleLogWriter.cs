using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>Appends one cycle's records to its .jsonl file, one flushed line per record.</summary>
    internal sealed class FileCycleLogWriter : CycleLogWriter
    {
        private readonly FileLogStore _store;
        private FileStream _stream;

        public FileCycleLogWriter(FileLogStore store, LogFileNames names, CycleLogSummary summary)
            : base(names, summary)
        {
            _store = store;
            _stream = new FileStream(Path.Combine(store.Directory, names.Records), FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
        }

        protected override bool IsOpen => _stream != null;

        protected override async Task AppendAsync(byte[] line, CancellationToken cancellationToken)
        {
            await _stream.WriteAsync(line, 0, line.Length, CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        protected override Task WriteSummaryAsync(CancellationToken cancellationToken) => _store.WriteSummaryAsync(Names, Summary, cancellationToken);

        protected override Task ApplyRetentionAsync(LogRetentionSettings retention, CancellationToken cancellationToken) =>
            _store.ApplyRetentionAsync(retention, CycleId, cancellationToken);

        protected override void Close()
        {
            _stream?.Dispose();
            _stream = null;
        }
    }
}
