using System;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Cmdlets.Configuration;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Logging
{
    /// <summary>Base of the log, status and notification cmdlets: -Profile (default: the connected subdomain, else "default").</summary>
    public abstract class ProfileCmdlet : ShareFileCmdlet
    {
        /// <summary>The profile (one per ShareFile account). Default: the subdomain of the current connection, else "default".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string Profile { get; set; }

        private protected ProvisioningProfile ResolvedProfile { get; private set; }

        private protected override object CurrentTarget => ResolvedProfile?.Name;

        protected override void BeginProcessing()
        {
            try
            {
                ResolvedProfile = ProfileLocator.ForCurrentUser().Get(Profile ?? ProfileLocator.DefaultName(ConnectionRegistry.Get()?.Subdomain));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidProfile", ErrorCategory.InvalidArgument, Profile));
            }
            WriteVerbose($"Profile '{ResolvedProfile.Name}' ({ResolvedProfile.Directory}).");
        }
    }
}
