using System;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>ShareFile could not be reached or did not answer in time (after retries), or calls are paused by the circuit breaker.</summary>
    public sealed class ShareFileConnectionException : Exception
    {
        public ShareFileConnectionException(string message, string host, Exception innerException)
            : base(message, innerException)
        {
            Host = host;
        }

        /// <summary>The host that failed, e.g. contoso.sf-api.com.</summary>
        public string Host { get; }
    }
}
