using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// Where a profile's provisioning logs live: one record stream and one summary per cycle. The default is
    /// <see cref="FileLogStore"/> (JSON Lines in the profile's logs/ folder); a blob-backed store can implement the same.
    /// Reads are streamed so large logs never load whole.
    /// </summary>
    public interface ILogStore
    {
        /// <summary>Where the logs live, for messages (a folder, a container URL without secrets).</summary>
        string Location { get; }

        /// <summary>Opens the cycle's record stream and writes a "Running" summary. Dispose the writer when done.</summary>
        Task<ICycleLogWriter> BeginCycleAsync(ProvisioningCycleContext cycle, CancellationToken cancellationToken);

        /// <summary>Cycle summaries, newest first.</summary>
        IEnumerable<CycleLogSummary> ReadCycles(CancellationToken cancellationToken = default);

        /// <summary>The newest cycle's summary, or null when no cycle was logged. Reads one small file.</summary>
        CycleLogSummary ReadLastCycle();

        /// <summary>Records matching the query: cycles newest first, records of one cycle in the order they were written.</summary>
        IEnumerable<ProvisioningLogRecord> ReadRecords(ProvisioningLogQuery query, CancellationToken cancellationToken = default);

        /// <summary>Deletes cycles beyond the retention (never <paramref name="keepCycleId"/>). Returns how many were deleted.</summary>
        Task<int> ApplyRetentionAsync(LogRetentionSettings retention, string keepCycleId, CancellationToken cancellationToken);
    }

    /// <summary>
    /// The open log of one cycle. <see cref="WriteAsync"/> is thread-safe (concurrent sync workers) and each record is
    /// flushed before it returns, so a crash leaves only complete lines (at worst one torn last line, skipped on read).
    /// </summary>
    public interface ICycleLogWriter : System.IDisposable
    {
        string CycleId { get; }

        /// <summary>Records written so far.</summary>
        int RecordCount { get; }

        /// <summary>Sanitizes (<see cref="ProvisioningLogSanitizer"/>) and appends one record.</summary>
        Task WriteAsync(ProvisioningLogRecord record, CancellationToken cancellationToken);

        /// <summary>
        /// Writes the final summary (counts per action and status are filled from the records written; the caller gives
        /// status, requests, retries, throttle waits) and applies the retention. No writes after this.
        /// </summary>
        Task<CycleLogSummary> CompleteAsync(CycleCompletion completion, LogRetentionSettings retention, CancellationToken cancellationToken);
    }
}
