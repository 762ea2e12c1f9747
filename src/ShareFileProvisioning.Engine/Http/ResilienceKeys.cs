using Polly;

namespace ShareFileProvisioning.Engine.Http
{
    /// <summary>Per-execution facts the retry strategy decides on.</summary>
    internal static class ResilienceKeys
    {
        /// <summary>True for GET/PUT/DELETE/PATCH: safe to resend after a 5xx or a dropped connection.</summary>
        public static readonly ResiliencePropertyKey<bool> IsIdempotent = new ResiliencePropertyKey<bool>("sfp.idempotent");

        /// <summary>A create that a resend could duplicate (see HttpRequestSpec.CreatesWithoutUniqueKey): only a 429 is resent.</summary>
        public static readonly ResiliencePropertyKey<bool> NeverResendUnanswered = new ResiliencePropertyKey<bool>("sfp.never-resend");
    }
}
