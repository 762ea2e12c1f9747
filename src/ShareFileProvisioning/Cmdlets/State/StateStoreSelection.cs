using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.State.Blob;

namespace ShareFileProvisioning.Cmdlets.State
{
    /// <summary>
    /// Where a cmdlet reads and writes a profile's state and logs: the profile's folder, or the blob container of a
    /// -StateStore connection (New-ShareFileStateStoreConnection), so a runbook keeps nothing on the sandbox's disk.
    /// </summary>
    internal static class StateStoreSelection
    {
        public static IStateStore State(ProvisioningProfile profile, ShareFileStateStoreConnection connection) =>
            StateStoreFactory.CreateStateStore(profile, connection?.Settings);

        public static ILogStore Logs(ProvisioningProfile profile, ShareFileStateStoreConnection connection) =>
            StateStoreFactory.CreateLogStore(profile, connection?.Settings);
    }
}
