using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Logging;
using ShareFileProvisioning.Cmdlets.State;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Cmdlets.Sync
{
    /// <summary>
    /// Entra's full reset: forgets the links, delta links, assignment snapshot, retry queue, pending creates, staged
    /// deletes and quarantine, so the next sync is an initial cycle that matches every account again. Logs and cycle
    /// history stay.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "ShareFileProvisioningState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileProvisioningStatus))]
    public sealed class ResetShareFileProvisioningStateCommand : ProfileCmdlet
    {
        /// <summary>Return the profile's status after the reset.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Keep the profile's state and logs in Azure Blob Storage (New-ShareFileStateStoreConnection) instead of the profile's folder.</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private protected override void ProcessRecordCore()
        {
            var profile = ResolvedProfile;
            if (!ShouldProcess(profile.Name, "Reset the provisioning state (links, delta links, retry queue, staged deletes, quarantine)")) return;
            try
            {
                RunEngine(async (trace, ct) =>
                {
                    await SyncService.ResetStateAsync(profile, StateStoreSelection.State(profile, StateStore), ct).ConfigureAwait(false);
                    return true;
                });
            }
            catch (StateLockedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningProfileLocked", ErrorCategory.ResourceBusy, profile.Name));
            }
            WriteVerbose($"The state of profile '{profile.Name}' is reset: the next sync is an initial cycle.");
            if (!PassThru.IsPresent) return;
            var status = RunEngine((trace, ct) => new ProvisioningStatusReader(StateStoreSelection.Logs(profile, StateStore),
                StateStoreSelection.State(profile, StateStore)).ReadAsync(profile.Name, ct));
            WriteObject(LoggingOutputMapper.ToStatus(status));
        }
    }
}
