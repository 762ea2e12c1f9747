using System;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>Source (Graph / Entra sign-in) exceptions → ErrorRecords with stable ids.</summary>
    internal static class SourceErrorRecords
    {
        public static ErrorRecord From(Exception exception, object target)
        {
            switch (exception)
            {
                case SourcePermissionException p:
                    return new ErrorRecord(p, "GraphPermissionMissing", ErrorCategory.PermissionDenied, target)
                    {
                        ErrorDetails = new ErrorDetails(p.Message) { RecommendedAction = $"Grant the application permission {p.Permission} to the signing-in app and give admin consent." },
                    };
                case SourceAuthenticationException a:
                    return new ErrorRecord(a, "SourceAuthenticationFailed", ErrorCategory.AuthenticationError, target);
                case SourceAppNotFoundException n:
                    return new ErrorRecord(n, "SourceAppNotFound", ErrorCategory.ObjectNotFound, target);
                case SourceException s:
                    return new ErrorRecord(s, s.StatusCode == 0 ? "GraphUnreachable" : "Graph" + (s.ErrorCode ?? "Http" + s.StatusCode), ErrorRecords.ApiCategory(s.StatusCode), target);
                default:
                    return ErrorRecords.From(exception, target);
            }
        }

        public static ErrorRecord NotConnected() => new ErrorRecord(
            new InvalidOperationException("Not connected to the provisioning source. Run Connect-ProvisioningSource first, or pass -SourceConnection."),
            "SourceNotConnected", ErrorCategory.AuthenticationError, null);
    }
}
