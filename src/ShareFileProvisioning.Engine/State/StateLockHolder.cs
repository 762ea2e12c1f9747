using System;
using System.Diagnostics;
using System.Globalization;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>Who holds a state lock.</summary>
    public sealed class StateLockHolder
    {
        public string MachineName { get; set; }

        public int ProcessId { get; set; }

        public string UserName { get; set; }

        public DateTimeOffset Since { get; set; }

        public static StateLockHolder Current()
        {
            using (var process = Process.GetCurrentProcess())
            {
                return new StateLockHolder
                {
                    MachineName = Environment.MachineName,
                    ProcessId = process.Id,
                    UserName = Environment.UserName,
                    Since = DateTimeOffset.UtcNow,
                };
            }
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "process {0} of user {1} on {2} since {3:u}", ProcessId, UserName ?? "?", MachineName ?? "?", Since.UtcDateTime);
    }

    /// <summary>The profile's state is locked by another sync.</summary>
    public sealed class StateLockedException : Exception
    {
        public StateLockedException(string location, StateLockHolder holder, Exception inner = null)
            : base(holder != null
                ? $"The provisioning state at '{location}' is locked by {holder}. Another sync is running on this profile; wait for it to finish."
                : $"The provisioning state at '{location}' is locked by another process (holder unknown). Another sync is running on this profile; wait for it to finish.", inner)
        {
            Location = location;
            Holder = holder;
        }

        public string Location { get; }

        /// <summary>Null when the holder could not be read.</summary>
        public StateLockHolder Holder { get; }
    }
}
