using System;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Replaces the profile's configuration with a JSON file, after validating it; an invalid file changes nothing.</summary>
    [Cmdlet(VerbsData.Import, "ShareFileProvisioningConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileProvisioningConfiguration))]
    public sealed class ImportShareFileProvisioningConfigurationCommand : ConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            ProvisioningConfiguration c;
            try
            {
                c = RunEngine((trace, ct) => ConfigurationFile.LoadAsync(path, ct));
            }
            catch (ConfigurationValidationException e)
            {
                WriteErrors(e, fromParameters: false);
                return;
            }
            catch (FileNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "ConfigurationFileNotFound", ErrorCategory.ObjectNotFound, path));
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ConfigurationErrorRecords.Unreadable(e, path));
                return;
            }
            if (TrySave(c, $"Replace with the configuration from '{path}'", fromParameters: false) && PassThru) WriteObject(ToOutput(c));
        }
    }
}
