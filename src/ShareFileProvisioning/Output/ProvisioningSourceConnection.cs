using System;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning
{
    /// <summary>
    /// A signed-in connection to the provisioning source (Entra ID through Microsoft Graph), as
    /// Connect-ProvisioningSource -PassThru returns it and every source cmdlet takes with -SourceConnection.
    /// Shows tenant, app and how it signed in; never a secret or a token.
    /// </summary>
    public sealed class ProvisioningSourceConnection
    {
        internal ProvisioningSourceConnection(EntraSource source, string tenantId)
        {
            Source = source;
            TenantId = tenantId;
            ServicePrincipalId = source.ServicePrincipal.Id;
            AppId = source.ServicePrincipal.AppId;
            AppDisplayName = source.ServicePrincipal.DisplayName;
            AuthenticationType = source.AuthenticationMode.ToString();
            ClientId = source.AuthenticationMode == Engine.Source.Authentication.SourceAuthenticationMode.ManagedIdentity
                ? source.SignIn.ManagedIdentityClientId
                : source.SignIn.ClientId;
            GraphBaseUri = source.GraphBaseUri;
            ConnectedOn = DateTime.UtcNow;
        }

        public string System => "Entra ID";

        /// <summary>Tenant id as given to Connect-ProvisioningSource (null for -AccessToken/-Identity without -TenantId).</summary>
        public string TenantId { get; }

        /// <summary>Object id of the ShareFile enterprise app (service principal).</summary>
        public string ServicePrincipalId { get; }

        public string AppId { get; }

        public string AppDisplayName { get; }

        /// <summary>ClientSecret, Certificate, ManagedIdentity, DeviceCode or AccessToken.</summary>
        public string AuthenticationType { get; }

        /// <summary>The signing-in app's client id (or the user-assigned identity's); null for system-assigned identity and tokens.</summary>
        public string ClientId { get; }

        public Uri GraphBaseUri { get; }

        public DateTime ConnectedOn { get; }

        internal EntraSource Source { get; }

        public override string ToString() => $"{AppDisplayName} in {TenantId ?? "tenant"} ({AuthenticationType})";
    }
}
