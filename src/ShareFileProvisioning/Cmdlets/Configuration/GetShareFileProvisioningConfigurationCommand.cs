using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Shows a profile's provisioning configuration (the defaults when none was saved yet), validated.</summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileProvisioningConfiguration")]
    [OutputType(typeof(ShareFileProvisioningConfiguration), typeof(ShareFileAttributeMapping), typeof(ShareFileScopingClause))]
    public sealed class GetShareFileProvisioningConfigurationCommand : ConfigurationCmdlet
    {
        /// <summary>Emit the attribute mappings as rows instead of the summary.</summary>
        [Parameter]
        public SwitchParameter Mappings { get; set; }

        /// <summary>Emit the scoping filter clauses as rows instead of the summary.</summary>
        [Parameter]
        public SwitchParameter ScopingFilters { get; set; }

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var configuration)) return;
            var output = ToOutput(configuration);
            if (Mappings || ScopingFilters)
            {
                if (Mappings) WriteObject(output.Mappings, true);
                if (ScopingFilters) WriteObject(output.ScopingFilters, true);
                return;
            }
            WriteObject(output);
        }
    }
}
