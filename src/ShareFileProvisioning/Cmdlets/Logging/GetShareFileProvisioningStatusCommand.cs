using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.State;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Cmdlets.Logging
{
    /// <summary>
    /// The profile's synchronization details: last cycle (type, start, duration, counts), quarantine, pending retries and
    /// when the next is due, staged deletes awaiting approval, and how many users and groups are linked.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileProvisioningStatus")]
    [OutputType(typeof(ShareFileProvisioningStatus))]
    public sealed class GetShareFileProvisioningStatusCommand : ProfileCmdlet
    {
        /// <summary>Keep the profile's state and logs in Azure Blob Storage (New-ShareFileStateStoreConnection) instead of the profile's folder.</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private protected override void ProcessRecordCore()
        {
            var profile = ResolvedProfile;
            var status = RunEngine((trace, ct) =>
                new ProvisioningStatusReader(StateStoreSelection.Logs(profile, StateStore), StateStoreSelection.State(profile, StateStore)).ReadAsync(profile.Name, ct));
            WriteObject(LoggingOutputMapper.ToStatus(status));
        }
    }
}
