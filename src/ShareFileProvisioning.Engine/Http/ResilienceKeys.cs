using Polly;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>Per-execution facts the retry strategy decides on.</summary>
    internal static class ResilienceKeys
    {
        /// <summary>True for GET/PUT/DELETE/PATCH: safe to resend after a 5xx or a dropped connection.</summary>
        public static readonly ResiliencePropertyKey<bool> IsIdempotent = new ResiliencePropertyKey<bool>("sfp.idempotent");
    }
}
