using System;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Writes the profile's (validated) configuration to a JSON file, e.g. to copy it to a runbook or another profile.</summary>
    [Cmdlet(VerbsData.Export, "ShareFileProvisioningConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ShareFileProvisioningConfiguration))]
    public sealed class ExportShareFileProvisioningConfigurationCommand : ConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(path) && !Force)
            {
                WriteError(new ErrorRecord(new IOException($"'{path}' exists; use -Force to overwrite it."), "ExportFileExists", ErrorCategory.ResourceExists, path));
                return;
            }
            if (!ShouldProcess(path, $"Export provisioning configuration of profile '{ResolvedProfile.Name}'")) return;
            try
            {
                RunEngine(async (trace, ct) =>
                {
                    await ConfigurationFile.SaveAsync(c, path, ct).ConfigureAwait(false);
                    return true;
                });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ConfigurationErrorRecords.Unreadable(e, path));
                return;
            }
            if (PassThru) WriteObject(ToOutput(c));
        }
    }
}
