using System;
using System.Management.Automation;
using System.Security;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets
{
    /// <summary>Signs in to a ShareFile account (OAuth password grant) and makes it this runspace's current connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "ShareFile")]
    [OutputType(typeof(ShareFileConnection))]
    public sealed class ConnectShareFileCommand : ShareFileCmdlet, IDynamicParameters
    {
        /// <summary>Account name ("contoso") or host ("contoso.sharefile.eu").</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Subdomain { get; set; }

        /// <summary>The ShareFile administrator's email and password.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        /// <summary>OAuth client id of the ShareFile API key.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString ClientSecret { get; set; }

        /// <summary>One origin serving /oauth/token and /sf/v3/ (the emulator); http only for loopback.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri BaseUri { get; set; }

        private readonly ProxyParameters _proxy = new ProxyParameters();

        /// <summary>The proxy parameters (see <see cref="ProxyParameters"/>).</summary>
        public object GetDynamicParameters() => _proxy;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override object CurrentTarget => Subdomain;


        private protected override void ProcessRecordCore()
        {
            var connection = ConnectionFactory.Connect(this, Subdomain, Credential, ClientId, ClientSecret, BaseUri, _proxy.ToSettings());
            ConnectionRegistry.Set(connection);
            WriteVerbose($"Connected to ShareFile account '{connection.Subdomain}' at {connection.ApiBaseUri} as {connection.UserName}; the token is valid until {connection.TokenExpiresOn:u}.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
    }
}
