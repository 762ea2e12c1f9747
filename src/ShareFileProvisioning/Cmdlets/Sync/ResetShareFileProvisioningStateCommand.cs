using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Logging;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Cmdlets.Sync
{
    /// <summary>
    /// Entra's full reset: forgets the links, delta links, assignment snapshot, retry queue, create intents, staged
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

        private protected override void ProcessRecordCore()
        {
            var profile = ResolvedProfile;
            if (!ShouldProcess(profile.Name, "Reset the provisioning state (links, delta links, retry queue, staged deletes, quarantine)")) return;
            try
            {
                RunEngine(async (trace, ct) =>
                {
                    await SyncService.ResetStateAsync(profile, new FileStateStore(profile), ct).ConfigureAwait(false);
                    return true;
                });
            }
            catch (StateLockedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningProfileLocked", ErrorCategory.ResourceBusy, profile.Name));
            }
            WriteVerbose($"The state of profile '{profile.Name}' is reset: the next sync is an initial cycle.");
            if (!PassThru.IsPresent) return;
            var status = RunEngine((trace, ct) => new ProvisioningStatusReader(new FileLogStore(profile), new FileStateStore(profile)).ReadAsync(profile.Name, ct));
            WriteObject(LoggingOutputMapper.ToStatus(status));
        }
    }
}
