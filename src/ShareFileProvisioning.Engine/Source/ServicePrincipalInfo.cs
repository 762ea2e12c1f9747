using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>How to find the ShareFile enterprise app: exactly one of the three.</summary>
    public sealed class SourceAppSelector
    {
        public string ServicePrincipalId { get; set; }

        public string AppId { get; set; }

        public string DisplayName { get; set; }

        public override string ToString() =>
            ServicePrincipalId != null ? $"service principal {ServicePrincipalId}" : AppId != null ? $"app id {AppId}" : $"app '{DisplayName}'";
    }

    /// <summary>The enterprise app (service principal) whose assignments define scope.</summary>
    public sealed class ServicePrincipalInfo
    {
        public string Id { get; set; }

        public string AppId { get; set; }

        public string DisplayName { get; set; }

        public List<AppRoleInfo> AppRoles { get; set; } = new List<AppRoleInfo>();

        public override string ToString() => $"{DisplayName} ({Id})";
    }

    public sealed class AppRoleInfo
    {
        public string Id { get; set; }

        public string DisplayName { get; set; }

        public string Value { get; set; }
    }
}
