using System;
using System.Management.Automation;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets.Base
{
    /// <summary>
    /// Engine exceptions → ErrorRecords with stable PascalCase ids (scripts match on them; each cmdlet's help lists them)
    /// and the category that says what kind of fix is needed (credentials, permission, network, input).
    /// The engine exception stays the record's exception, so scripts can still inspect status and reason.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object target)
        {
            switch (exception)
            {
                case ShareFileAuthenticationException auth:
                    return new ErrorRecord(auth, AuthenticationErrorId(auth.Failure), ErrorCategory.AuthenticationError, target);
                case ShareFileApiException api:
                    return new ErrorRecord(api, "ShareFile" + ApiErrorSuffix(api), ApiCategory(api.StatusCode), target);
                case ShareFileConnectionException connection:
                    return new ErrorRecord(connection, "ShareFileUnreachable", ErrorCategory.ConnectionError, target);
                case TimeoutException timeout:
                    return new ErrorRecord(timeout, "ShareFileTimeout", ErrorCategory.OperationTimeout, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "InvalidArgument", ErrorCategory.InvalidArgument, target);
                default:
                    return new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        public static ErrorRecord NotConnected() => new ErrorRecord(
            new InvalidOperationException("Not connected to ShareFile. Run Connect-ShareFile first, or pass -Connection."),
            "NotConnected", ErrorCategory.AuthenticationError, null);

        public static ErrorRecord NotFound(string errorId, string message, object target) =>
            new ErrorRecord(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, target);

        private static string AuthenticationErrorId(ShareFileAuthenticationFailure failure)
        {
            switch (failure)
            {
                case ShareFileAuthenticationFailure.InvalidClient: return "ShareFileInvalidClient";
                case ShareFileAuthenticationFailure.InvalidGrant: return "ShareFileInvalidCredential";
                default: return "ShareFileAuthenticationFailed";
            }
        }

        private static string ApiErrorSuffix(ShareFileApiException api) =>
            api.Reason != ShareFileErrorReason.Unspecified ? api.Reason.ToString() : "Http" + api.StatusCode;

        internal static ErrorCategory ApiCategory(int status)
        {
            switch (status)
            {
                case 400: return ErrorCategory.InvalidArgument;
                case 401: return ErrorCategory.AuthenticationError;
                case 403: return ErrorCategory.PermissionDenied;
                case 404: return ErrorCategory.ObjectNotFound;
                case 409: return ErrorCategory.ResourceExists;
                case 429: return ErrorCategory.ResourceUnavailable;
                default: return status >= 500 ? ErrorCategory.ConnectionError : ErrorCategory.NotSpecified;
            }
        }
    }
}
