using ShareFileProvisioning.Connection;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>The current Entra source connection of this runspace (Connect-ProvisioningSource, Disconnect-ProvisioningSource).</summary>
    internal sealed class SourceConnectionRegistry : CurrentConnection<ProvisioningSourceConnection>
    {
        private SourceConnectionRegistry()
        {
        }
    }
}
