namespace ShareFileProvisioning.Connection
{
    /// <summary>The current ShareFile connection of this runspace (Connect-ShareFile, Disconnect-ShareFile).</summary>
    internal sealed class ConnectionRegistry : CurrentConnection<ShareFileConnection>
    {
        private ConnectionRegistry()
        {
        }
    }
}
