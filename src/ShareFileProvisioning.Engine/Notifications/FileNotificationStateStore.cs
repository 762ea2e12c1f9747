using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>notifications.json in the profile's state folder, replaced atomically (temp, flush, rename).</summary>
    public sealed class FileNotificationStateStore : INotificationStateStore
    {
        public const string FileName = "notifications.json";

        public FileNotificationStateStore(string stateDirectory)
        {
            if (string.IsNullOrWhiteSpace(stateDirectory)) throw new ArgumentException("The state directory must not be empty.", nameof(stateDirectory));
            Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(stateDirectory), FileName);
        }

        public FileNotificationStateStore(ProvisioningProfile profile)
            : this((profile ?? throw new ArgumentNullException(nameof(profile))).StateDirectory)
        {
        }

        public string Path { get; }

        public Task<IReadOnlyCollection<string>> LoadNotifiedAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyCollection<string> none = new string[0];
            if (!File.Exists(Path)) return Task.FromResult(none);
            try
            {
                var state = JsonConvert.DeserializeObject<NotificationState>(File.ReadAllText(Path, Encoding.UTF8));
                return Task.FromResult<IReadOnlyCollection<string>>(state?.Notified?.ToArray() ?? new string[0]);
            }
            catch (JsonException)
            {
                // A damaged file costs at most one repeated email.
                return Task.FromResult(none);
            }
        }

        public Task SaveNotifiedAsync(IEnumerable<string> conditionKeys, string cycleId, CancellationToken cancellationToken)
        {
            var state = new NotificationState
            {
                Notified = (conditionKeys ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                CycleId = cycleId,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            return AtomicFile.WriteAllTextAsync(Path, JsonConvert.SerializeObject(state, Formatting.Indented), cancellationToken);
        }

        private sealed class NotificationState
        {
            [JsonProperty("notified")]
            public List<string> Notified { get; set; }

            [JsonProperty("cycleId")]
            public string CycleId { get; set; }

            [JsonProperty("updatedAt")]
            public DateTimeOffset UpdatedAt { get; set; }
        }
    }
}
