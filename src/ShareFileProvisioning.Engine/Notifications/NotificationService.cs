using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Diagnostics;

using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>
    /// Decides, at the end of each cycle, which emails to send: one per condition (quarantined with its reason, staged
    /// deletes, failures) to the configured recipients, never again for a condition that was already notified and is
    /// still present in the next cycle. A condition that clears and comes back is notified again; a changed quarantine
    /// reason is a new condition. Sending failures are reported, never thrown: a mail problem must not fail the sync.
    /// </summary>
    public sealed class NotificationService
    {
        private readonly IReadOnlyList<string> _recipients;
        private readonly INotificationChannel _channel;
        private readonly INotificationStateStore _state;
        private readonly IEngineTrace _trace;

        /// <param name="channel">Null when no channel is configured (conditions are then reported as NotConfigured).</param>
        public NotificationService(IEnumerable<string> recipients, INotificationChannel channel, INotificationStateStore state, IEngineTrace trace = null)
        {
            _recipients = (recipients ?? Enumerable.Empty<string>()).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
            _channel = channel;
            _state = state ?? throw new ArgumentNullException(nameof(state));
            _trace = trace ?? NullEngineTrace.Instance;
        }

        /// <summary>The service for a profile: recipients from its configuration, state in its state folder.</summary>
        public static NotificationService For(ProvisioningProfile profile, NotificationSettings settings, INotificationChannel channel, IEngineTrace trace = null) =>
            new NotificationService(settings?.Recipients, channel, new FileNotificationStateStore(profile), trace);

        /// <summary>The service for a profile whose state lives in <paramref name="state"/> (a folder or, for runbooks, a blob container).</summary>
        public static NotificationService For(IStateStore state, NotificationSettings settings, INotificationChannel channel, IEngineTrace trace = null) =>
            new NotificationService(settings?.Recipients, channel, new StateNotificationStateStore(state), trace);

        public async Task<IReadOnlyList<NotificationResult>> NotifyAsync(CycleOutcome outcome, CancellationToken cancellationToken)
        {
            if (outcome == null) throw new ArgumentNullException(nameof(outcome));
            var present = NotificationCondition.Of(outcome);
            var notifiedBefore = new HashSet<string>(await _state.LoadNotifiedAsync(cancellationToken).ConfigureAwait(false), StringComparer.OrdinalIgnoreCase);
            var notifiedNow = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var results = new List<NotificationResult>();

            foreach (var condition in present)
            {
                var (subject, body) = NotificationText.For(condition, outcome);
                var result = new NotificationResult { Condition = condition.Key, Subject = subject };
                results.Add(result);
                if (notifiedBefore.Contains(condition.Key))
                {
                    result.Disposition = NotificationDisposition.AlreadyNotified;
                    notifiedNow.Add(condition.Key);
                    _trace.Verbose($"Notification '{condition.Key}': already sent for an earlier consecutive cycle; not repeated.");
                    continue;
                }
                if (_channel == null || _recipients.Count == 0)
                {
                    result.Disposition = NotificationDisposition.NotConfigured;
                    _trace.Verbose($"Notification '{condition.Key}': no {(_channel == null ? "mail channel" : "recipients")} configured; nothing sent.");
                    continue;
                }
                try
                {
                    await _channel.SendAsync(new NotificationMessage { Recipients = _recipients.ToList(), Subject = subject, Body = body }, cancellationToken).ConfigureAwait(false);
                    result.Disposition = NotificationDisposition.Sent;
                    notifiedNow.Add(condition.Key);
                    _trace.Verbose($"Notification '{condition.Key}' sent through {_channel.Description} to {string.Join(", ", _recipients)}.");
                }
                catch (NotificationException e)
                {
                    result.Disposition = NotificationDisposition.Failed;
                    result.Error = e.Message;
                    _trace.Verbose($"Notification '{condition.Key}' failed: {e.Message}");
                }
            }

            // Conditions absent now are forgotten, so their return is news again.
            await _state.SaveNotifiedAsync(notifiedNow, outcome.CycleId, cancellationToken).ConfigureAwait(false);
            return results;
        }
    }
}
