using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>The notification state as the notifications.json document of the profile's state store (a folder or a blob container).</summary>
    public sealed class StateNotificationStateStore : INotificationStateStore
    {
        private readonly IStateStore _state;

        public StateNotificationStateStore(IStateStore state)
        {
            _state = state ?? throw new ArgumentNullException(nameof(state));
        }

        public async Task<IReadOnlyCollection<string>> LoadNotifiedAsync(CancellationToken cancellationToken)
        {
            try
            {
                var state = await _state.LoadDocumentAsync<NotificationStateDocument>(StateDocumentName.Notifications, cancellationToken).ConfigureAwait(false);
                return state?.Notified?.ToArray() ?? new string[0];
            }
            catch (InvalidDataException)
            {
                // A damaged document costs at most one repeated email.
                return new string[0];
            }
        }

        public Task SaveNotifiedAsync(IEnumerable<string> conditionKeys, string cycleId, CancellationToken cancellationToken)
        {
            var state = new NotificationStateDocument
            {
                Notified = (conditionKeys ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                CycleId = cycleId,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            return _state.SaveDocumentAsync(StateDocumentName.Notifications, state, cancellationToken);
        }
    }

    /// <summary>The stored shape (camelCase, the same JSON <see cref="FileNotificationStateStore"/> writes).</summary>
    public sealed class NotificationStateDocument
    {
        public List<string> Notified { get; set; }

        public string CycleId { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
