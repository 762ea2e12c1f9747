using System.Management.Automation;
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
        private protected override void ProcessRecordCore()
        {
            var profile = ResolvedProfile;
            var status = RunEngine((trace, ct) =>
                new ProvisioningStatusReader(new FileLogStore(profile), new FileStateStore(profile)).ReadAsync(profile.Name, ct));
            WriteObject(LoggingOutputMapper.ToStatus(status));
        }
    }
}
