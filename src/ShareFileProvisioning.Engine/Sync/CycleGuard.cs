using System;
using System.Threading;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// Watches a cycle's outcomes and stops it early (quarantine): at once on an authentication failure, or when the
    /// failure rate exceeds the configured bound over at least the configured number of actions.
    /// </summary>
    internal sealed class CycleGuard : IDisposable
    {
        public const string AuthenticationReason = "EncounteredQuarantineException";

        /// <summary>The state lock was lost mid-cycle (Entra has no such reason; ours is named after its IngestionInterrupted).</summary>
        public const string LockLostReason = "IngestionInterrupted";
        public const string ProportionReason = "EncounteredEscrowProportionThreshold";

        /// <summary>How long an action already sent may still take after the caller stops the cycle (Ctrl+C).</summary>
        internal static readonly TimeSpan ActionGrace = TimeSpan.FromSeconds(10);

        private readonly QuarantineSettings _settings;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationTokenSource _actions = new CancellationTokenSource();
        private readonly CancellationTokenRegistration _outerStop;
        private int _completed;
        private int _failed;
        private string _reason;
        private string _details;

        public CycleGuard(QuarantineSettings settings, CancellationToken outer)
        {
            _settings = settings ?? new QuarantineSettings();
            _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _outerStop = outer.Register(() =>
            {
                try
                {
                    _actions.CancelAfter(ActionGrace);
                }
                catch (ObjectDisposedException)
                {
                }
            });
        }

        /// <summary>Stops the cycle: no action starts once it is cancelled.</summary>
        public CancellationToken Token => _stop.Token;

        /// <summary>
        /// For an action already under way: a stop by the caller lets it finish (up to <see cref="ActionGrace"/>), so a
        /// write ShareFile applied is recorded and linked rather than lost with its answer; a trip stops it at once.
        /// </summary>
        public CancellationToken ActionToken => _actions.Token;

        public string Reason => Volatile.Read(ref _reason);

        public string Details => Volatile.Read(ref _details);

        public bool Tripped => Reason != null;

        public void Record(bool failed)
        {
            var completed = Interlocked.Increment(ref _completed);
            var failures = failed ? Interlocked.Increment(ref _failed) : Volatile.Read(ref _failed);
            if (!failed || completed < Math.Max(1, _settings.MinimumActions)) return;
            var rate = 100.0 * failures / completed;
            if (rate > _settings.FailureRatePercent)
                Trip(ProportionReason, $"{failures} of {completed} actions failed ({rate:0} %, the bound is {_settings.FailureRatePercent:0} % of at least {_settings.MinimumActions}).");
        }

        public void Trip(string reason, string details)
        {
            if (Interlocked.CompareExchange(ref _reason, reason, null) != null) return;
            Volatile.Write(ref _details, details);
            try
            {
                _stop.Cancel();
                _actions.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            _outerStop.Dispose();
            _stop.Dispose();
            _actions.Dispose();
        }
    }
}
