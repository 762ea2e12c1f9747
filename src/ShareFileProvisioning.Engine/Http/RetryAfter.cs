using System;
using System.Net.Http;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>Reads a Retry-After header given as delta-seconds or as an HTTP date.</summary>
    internal static class RetryAfter
    {
        /// <summary>Upper bound so a hostile or broken header cannot park the engine for days.</summary>
        internal static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(10);

        public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response?.Headers?.RetryAfter;
            if (header == null)
            {
                return null;
            }

            TimeSpan? wait = null;
            if (header.Delta.HasValue)
            {
                wait = header.Delta.Value;
            }
            else if (header.Date.HasValue)
            {
                wait = header.Date.Value - now;
            }

            if (!wait.HasValue)
            {
                return null;
            }

            if (wait.Value < TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            return wait.Value > Ceiling ? Ceiling : wait.Value;
        }
    }
}
