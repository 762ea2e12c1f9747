using System;
using System.Collections.Generic;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// What one cycle of a <see cref="SyncSession"/> accumulates while its phases run: the summary, the log, the links,
    /// the quarantine guard, and how the run ended. Every phase reads and writes it; the finisher turns it into the
    /// saved state, the history, the log's completion and the notification.
    /// </summary>
    internal sealed class CycleRun : IDisposable
    {
        private readonly IDisposable _lockWatch;

        public CycleRun(SyncSummary summary, ProvisioningCycleContext cycle, ICycleLogWriter log, CycleGuard guard, LinkJournal links, UserItemExecutor users, IStateLock held)
        {
            Summary = summary;
            Cycle = cycle;
            Log = log;
            Guard = guard;
            Links = links;
            Users = users;
            _lockWatch = held.Lost.Register(() => guard.Trip(CycleGuard.LockLostReason,
                "The profile's lock (the state blob's lease) was lost to another job or could not be renewed: no more ShareFile writes are sent by this cycle."));
        }

        public SyncSummary Summary { get; }

        public ProvisioningCycleContext Cycle { get; }

        public ICycleLogWriter Log { get; }

        public CycleGuard Guard { get; }

        public LinkJournal Links { get; }

        public UserItemExecutor Users { get; }

        /// <summary>Source ids the plan has an action for (a full cycle resolves retries with nothing left to do).</summary>
        public HashSet<string> Attempted { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public List<StagedDelete> Staged { get; } = new List<StagedDelete>();

        /// <summary>Actions the admin declined (-Confirm): the watermark stays so the next cycle sees them again.</summary>
        public int Declined { get; set; }

        public bool Cancelled { get; set; }

        /// <summary>An unexpected failure mid-cycle (a full disk, a failing result consumer): rethrown once the state is saved.</summary>
        public System.Runtime.ExceptionServices.ExceptionDispatchInfo Fatal { get; private set; }

        /// <summary>The cycle's error for the history and the log (redacted).</summary>
        public string Error { get; set; }

        /// <summary>Every change of the cycle is applied or queued: only then may the watermark advance.</summary>
        public bool Complete => !Guard.Tripped && !Cancelled && Fatal == null && Declined == 0 && Staged.Count == 0;

        public void Fail(Exception e)
        {
            Fatal = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            Error = Diagnostics.SecretRedactor.Redact(e.Message);
        }

        public string Status =>
            Guard.Tripped ? "Quarantined" : Fatal != null ? "Failed" : Cancelled ? "Cancelled" : Summary.Failed > 0 ? "CompletedWithFailures" : "Succeeded";

        public void Dispose()
        {
            _lockWatch.Dispose();
            Guard.Dispose();
            Log.Dispose();
        }
    }
}
