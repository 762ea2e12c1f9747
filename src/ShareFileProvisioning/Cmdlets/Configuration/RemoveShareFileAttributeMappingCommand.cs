using System;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Removes the mappings of a target attribute: all of them, only the written one (-Written), or the one with a
    /// given matching precedence. The result must still validate (e.g. Email stays mapped and matched).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ShareFileAttributeMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileAttributeMapping))]
    public sealed class RemoveShareFileAttributeMappingCommand : ConfigurationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Email", "FirstName", "LastName", "Company", "UserType", "Enabled", "DefaultZone", "StorageQuotaLimitGB", "CanCreateFolders", "CanUseFileBox", "CanManageUsers")]
        public string TargetAttribute { get; set; }

        /// <summary>Only the mapping with this matching precedence.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 100)]
        public int MatchingPrecedence { get; set; }

        /// <summary>Only lookup-only mappings (true) or only the written one (false).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter LookupOnly { get; set; }

        /// <summary>Emit the removed mappings.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            var target = (Engine.Configuration.TargetAttribute)Enum.Parse(typeof(Engine.Configuration.TargetAttribute), TargetAttribute, true);
            var bound = MyInvocation.BoundParameters;
            var removed = c.UserMappings.Where(m => m != null && m.Target == target
                                                    && (!bound.ContainsKey(nameof(MatchingPrecedence)) || m.MatchingPrecedence == MatchingPrecedence)
                                                    && (!bound.ContainsKey(nameof(LookupOnly)) || m.LookupOnly == LookupOnly.IsPresent)).ToList();
            if (removed.Count == 0)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"No attribute mapping for {target} matches; see Get-ShareFileProvisioningConfiguration -Mappings."),
                    "AttributeMappingNotFound", ErrorCategory.ObjectNotFound, TargetAttribute));
                return;
            }
            foreach (var m in removed) c.UserMappings.Remove(m);
            var what = string.Join(", ", removed.Select(m => m.DescribeSource() + " -> " + m.Target));
            if (TrySave(c, "Remove attribute mapping " + what) && PassThru) WriteObject(removed.Select(ConfigurationOutputMapper.ToOutput), true);
        }
    }
}
