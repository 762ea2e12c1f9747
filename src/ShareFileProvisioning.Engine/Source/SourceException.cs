using System;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>A Graph request failed (after the SDK's own retries). Never carries a token or secret.</summary>
    public class SourceException : Exception
    {
        public SourceException(string message, int statusCode = 0, string errorCode = null, Exception inner = null)
            : base(message, inner)
        {
            StatusCode = statusCode;
            ErrorCode = errorCode;
        }

        /// <summary>HTTP status, 0 when no response arrived.</summary>
        public int StatusCode { get; }

        /// <summary>Graph's error code, e.g. Request_ResourceNotFound.</summary>
        public string ErrorCode { get; }
    }

    /// <summary>Graph answered 403: the app lacks <see cref="Permission"/> (an admin-consented application permission).</summary>
    public sealed class SourcePermissionException : SourceException
    {
        public SourcePermissionException(string operation, string permission, string errorCode, Exception inner = null)
            : base($"Microsoft Graph denied {operation}: the app needs the application permission '{permission}' with admin consent.", 403, errorCode, inner)
        {
            Operation = operation;
            Permission = permission;
        }

        public string Operation { get; }

        public string Permission { get; }
    }

    /// <summary>No token: wrong tenant, client, secret or certificate, or no managed identity here.</summary>
    public sealed class SourceAuthenticationException : SourceException
    {
        public SourceAuthenticationException(string message, Exception inner = null) : base(message, 401, null, inner)
        {
        }
    }

    /// <summary>The enterprise app (service principal) was not found, or a display name matched several.</summary>
    public sealed class SourceAppNotFoundException : SourceException
    {
        public SourceAppNotFoundException(string message) : base(message, 404, "Request_ResourceNotFound")
        {
        }
    }
}
