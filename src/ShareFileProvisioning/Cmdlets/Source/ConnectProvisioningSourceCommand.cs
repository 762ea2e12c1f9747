using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>
    /// Signs in to Entra ID (Microsoft Graph) and binds to the ShareFile enterprise app; the connection becomes this
    /// runspace's current provisioning source. Unattended modes (secret, certificate, managed identity, token) never
    /// prompt; -DeviceCode writes the sign-in instruction as a warning.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ProvisioningSource", DefaultParameterSetName = ClientSecretSet)]
    [OutputType(typeof(ProvisioningSourceConnection))]
    public sealed class ConnectProvisioningSourceCommand : SourceCmdlet, IDynamicParameters
    {
        private const string ClientSecretSet = "ClientSecret";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateFileSet = "CertificateFile";
        private const string CertificateObjectSet = "Certificate";
        private const string IdentitySet = "ManagedIdentity";
        private const string DeviceCodeSet = "DeviceCode";
        private const string AccessTokenSet = "AccessToken";

        /// <summary>Directory (tenant) id or verified domain. Optional for -Identity and -AccessToken.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = IdentitySet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateNotNullOrEmpty]
        public string TenantId { get; set; }

        /// <summary>Object id of the ShareFile enterprise app (service principal). Give one of the three app parameters.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ServicePrincipalId { get; set; }

        /// <summary>Application (client) id of the ShareFile enterprise app.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; }

        /// <summary>Display name of the ShareFile enterprise app (must be unique).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string AppDisplayName { get; set; }

        /// <summary>The app registration that signs in (needs Application.Read.All, User.Read.All, GroupMember.Read.All).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        /// <summary>Certificate with private key in Cert:\CurrentUser\My or Cert:\LocalMachine\My.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [ValidateNotNullOrEmpty]
        public string CertificateThumbprint { get; set; }

        /// <summary>A .pfx/.p12 file (with -CertificatePassword if protected) or a .pem with an unencrypted key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CertificateFileSet)]
        [ValidateNotNullOrEmpty]
        public string CertificatePath { get; set; }

        [Parameter(ParameterSetName = CertificateFileSet)]
        public SecureString CertificatePassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateObjectSet)]
        [ValidateNotNull]
        public X509Certificate2 Certificate { get; set; }

        /// <summary>Managed identity (Azure Automation, App Service, Functions, VMs).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdentitySet)]
        public SwitchParameter Identity { get; set; }

        /// <summary>Client id of a user-assigned managed identity; omit for the system-assigned one.</summary>
        [Parameter(ParameterSetName = IdentitySet)]
        [ValidateNotNullOrEmpty]
        public string ManagedIdentityClientId { get; set; }

        /// <summary>Interactive: sign in on another device with the code shown as a warning.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        public SwitchParameter DeviceCode { get; set; }

        /// <summary>A Graph access token from Connect-MgGraph / Get-AzAccessToken -AsSecureString; it is not renewed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString AccessToken { get; set; }

        /// <summary>Graph root with version (default https://graph.microsoft.com/v1.0); other clouds or the emulator. http only on loopback.</summary>
        [Parameter(DontShow = true)]
        [ValidateNotNull]
        public Uri GraphBaseUri { get; set; }

        /// <summary>Entra authority host (default https://login.microsoftonline.com/); other clouds or the emulator. http only on loopback.</summary>
        [Parameter(DontShow = true)]
        [ValidateNotNull]
        public Uri AuthorityHost { get; set; }

        private readonly ProxyParameters _proxy = new ProxyParameters();

        /// <summary>The proxy parameters (see <see cref="ProxyParameters"/>).</summary>
        public object GetDynamicParameters() => _proxy;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override object CurrentTarget => ServicePrincipalId ?? AppId ?? AppDisplayName;

        private protected override void ProcessSourceRecord()
        {
            var app = App();
            var settings = new SourceSignInSettings
            {
                TenantId = TenantId,
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                CertificateThumbprint = CertificateThumbprint,
                CertificatePath = CertificatePath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath),
                CertificatePassword = CertificatePassword,
                Certificate = Certificate,
                ManagedIdentity = Identity,
                ManagedIdentityClientId = ManagedIdentityClientId,
                DeviceCode = DeviceCode,
                AccessToken = AccessToken,
                GraphBaseUri = GraphBaseUri,
                AuthorityHost = AuthorityHost,
                Proxy = _proxy.ToSettings(),
            };

            var source = RunEngine((trace, queue, ct) =>
            {
                settings.DeviceCodePrompt = message =>
                {
                    try
                    {
                        queue.Post(() => WriteWarning(message));
                    }
                    catch (ObjectDisposedException)
                    {
                        // A later re-prompt after this command ended: nowhere to show it (the token refresh fails instead).
                    }
                };
                return EntraSource.ConnectAsync(settings, app, Base.ForwardingTrace.Instance, ct);
            });
            var connection = new ProvisioningSourceConnection(source, TenantId);
            // The replaced connection is not disposed: a script may still hold it (-PassThru) and pass it as -SourceConnection.
            SourceConnectionRegistry.Set(connection);
            WriteVerbose($"Connected to Entra ID ({connection.AuthenticationType}); enterprise app '{connection.AppDisplayName}' ({connection.ServicePrincipalId}) at {connection.GraphBaseUri}.");
            if (PassThru) WriteObject(connection);
        }

        private SourceAppSelector App()
        {
            var given = (ServicePrincipalId != null ? 1 : 0) + (AppId != null ? 1 : 0) + (AppDisplayName != null ? 1 : 0);
            if (given != 1)
                throw new ArgumentException("Name the ShareFile enterprise app with exactly one of -ServicePrincipalId, -AppId or -AppDisplayName.");
            return new SourceAppSelector { ServicePrincipalId = ServicePrincipalId, AppId = AppId, DisplayName = AppDisplayName };
        }
    }
}
