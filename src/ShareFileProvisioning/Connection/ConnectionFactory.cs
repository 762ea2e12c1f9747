using System;
using System.Management.Automation;
using System.Security;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.Http;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Connection
{
    /// <summary>Builds engine settings from cmdlet parameters; shared by Connect-ShareFile and Test-ShareFileConnection.</summary>
    internal static class ConnectionFactory
    {
        public static ShareFileConnectionSettings Settings(string subdomain, PSCredential credential, string clientId, SecureString clientSecret, Uri baseUri) =>
            new ShareFileConnectionSettings
            {
                Subdomain = subdomain,
                Username = credential.UserName,
                Password = credential.Password,
                ClientId = clientId,
                ClientSecret = clientSecret,
                BaseAddressOverride = baseUri,
            };

        /// <summary>Creates a client for the settings; an invalid setting is a terminating InvalidArgument error.</summary>
        public static ShareFileClient Client(ShareFileCmdlet cmdlet, ShareFileConnectionSettings settings)
        {
            try
            {
                return new ShareFileClient(settings, options: null, trace: ForwardingTrace.Instance);
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, settings.Subdomain));
                throw;   // unreachable: ThrowTerminatingError always throws
            }
        }

        /// <summary>Signs in; any failure is terminating, since nothing can run without the connection.</summary>
        public static ShareFileConnection Connect(ShareFileCmdlet cmdlet, string subdomain, PSCredential credential, string clientId, SecureString clientSecret, Uri baseUri, ProxySettings proxy = null)
        {
            var settings = Settings(subdomain, credential, clientId, clientSecret, baseUri);
            settings.Proxy = proxy;
            var client = Client(cmdlet, settings);
            try
            {
                var session = cmdlet.RunEngine((trace, ct) => client.ConnectAsync(ct));
                return new ShareFileConnection(client, settings, session);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && !(ex is OperationCanceledException))
            {
                client.Dispose();
                cmdlet.ThrowTerminatingError(ErrorRecords.From(ex, subdomain));
                throw;
            }
        }
    }
}
