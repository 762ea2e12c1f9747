using System;
using System.Management.Automation;
using System.Security;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.State.Blob;

namespace ShareFileProvisioning.Cmdlets.State
{
    /// <summary>
    /// Describes an Azure Blob Storage container for a profile's sync state (runbooks: sandboxes keep nothing). Builds
    /// and validates the settings only; nothing is contacted until a sync uses it. Secrets stay SecureString.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ShareFileStateStoreConnection", DefaultParameterSetName = IdentitySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ShareFileStateStoreConnection))]
    public sealed class NewShareFileStateStoreConnectionCommand : ShareFileCmdlet, IDynamicParameters
    {
        private const string IdentitySet = "ManagedIdentity";
        private const string SasSet = "SasToken";
        private const string ConnectionStringSet = "ConnectionString";

        /// <summary>https://account.blob.core.windows.net/container (or the account URL; the container is then named for the profile).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdentitySet)]
        [Parameter(Position = 0, ParameterSetName = SasSet)]
        [Parameter(Position = 0, ParameterSetName = ConnectionStringSet)]
        [ValidateNotNull]
        public Uri ContainerUri { get; set; }

        /// <summary>The container when the URL names only the account, or with a connection string.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ContainerName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdentitySet)]
        public SwitchParameter Identity { get; set; }

        [Parameter(ParameterSetName = IdentitySet)]
        [ValidateNotNullOrEmpty]
        public string ManagedIdentityClientId { get; set; }

        /// <summary>A container SAS token, or a whole SAS URL.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SasSet)]
        [ValidateNotNull]
        public SecureString SasToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet)]
        [ValidateNotNull]
        public SecureString ConnectionString { get; set; }

        private readonly ProxyParameters _proxy = new ProxyParameters();

        /// <summary>The proxy parameters (see <see cref="ProxyParameters"/>).</summary>
        public object GetDynamicParameters() => _proxy;

        private protected override object CurrentTarget => ContainerUri;

        private protected override void ProcessRecordCore()
        {
            var settings = new BlobStateStoreSettings
            {
                ContainerUri = ContainerUri,
                ContainerName = ContainerName,
                ManagedIdentity = Identity,
                ManagedIdentityClientId = ManagedIdentityClientId,
                SasToken = SasToken,
                ConnectionString = ConnectionString,
                Proxy = _proxy.ToSettings(),
            };
            var problem = settings.Validate();
            if (problem != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), "InvalidStateStoreConnection", ErrorCategory.InvalidArgument, CurrentTarget));
            }
            var connection = new ShareFileStateStoreConnection(settings);
            if (ShouldProcess(connection.ToString(), "Create a state store connection")) WriteObject(connection);
        }
    }
}
