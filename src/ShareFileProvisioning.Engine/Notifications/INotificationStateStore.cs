using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>
    /// Remembers which conditions were already notified and still held at the last cycle, so a condition that persists
    /// over consecutive cycles is mailed once. The profile's IStateStore has no slot for this; the default is
    /// <see cref="FileNotificationStateStore"/> (state/notifications.json).
    /// </summary>
    public interface INotificationStateStore
    {
        /// <summary>Condition keys notified and still present at the last cycle (empty at first).</summary>
        Task<IReadOnlyCollection<string>> LoadNotifiedAsync(CancellationToken cancellationToken);

        Task SaveNotifiedAsync(IEnumerable<string> conditionKeys, string cycleId, CancellationToken cancellationToken);
    }
}
