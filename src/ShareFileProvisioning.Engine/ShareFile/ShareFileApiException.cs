using System;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// A ShareFile API call answered with an error status (after retries). Decide on <see cref="StatusCode"/> first,
    /// <see cref="Reason"/> second, never on <see cref="ServerMessage"/>.
    /// </summary>
    public sealed class ShareFileApiException : Exception
    {
        public ShareFileApiException(
            string message, int statusCode, string code, ShareFileErrorReason reason, string serverMessage, string method, string path)
            : base(message)
        {
            StatusCode = statusCode;
            Code = code;
            Reason = reason;
            ServerMessage = serverMessage == null ? null : Diagnostics.SecretRedactor.Redact(serverMessage);
            Method = method;
            Path = path;
        }

        /// <summary>HTTP status, e.g. 409.</summary>
        public int StatusCode { get; }

        /// <summary>The body's "code" (an HttpStatusCode name such as Conflict); null when absent.</summary>
        public string Code { get; }

        /// <summary>The body's "reason" mapped to the enum; Unspecified when absent or unknown.</summary>
        public ShareFileErrorReason Reason { get; }

        /// <summary>The server's message text (free text, for people only).</summary>
        public string ServerMessage { get; }

        public string Method { get; }

        /// <summary>Request path relative to the API base, query string with secrets redacted.</summary>
        public string Path { get; }
    }
}
