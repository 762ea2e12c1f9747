using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Turns group provisioning on or off and sets its options; only the parameters given change. Turning it off leaves
    /// the ShareFile groups as they are: the next sync drops their links and stops managing them.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ShareFileGroupProvisioning", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileGroupProvisioning))]
    public sealed class SetShareFileGroupProvisioningCommand : ConfigurationCmdlet
    {
        [Parameter(Position = 0)]
        public bool Enabled { get; set; }

        /// <summary>The Entra group attribute that becomes the ShareFile group name (and is matched on): displayName or id.</summary>
        [Parameter]
        [ValidateSet("displayName", "id")]
        public string NameSourceAttribute { get; set; }

        /// <summary>An expression over displayName and id that yields the group name ('' goes back to the attribute).</summary>
        [Parameter]
        [AllowEmptyString]
        public string NameExpression { get; set; }

        [Parameter]
        public bool IsShared { get; set; }

        [Parameter]
        [ValidateSet("Delete", "Keep")]
        public string OnGroupRemoved { get; set; }

        [Parameter]
        [ValidateSet("Direct", "Flatten")]
        public string NestedGroups { get; set; }

        [Parameter]
        [ValidateSet("Skip", "ApplyWhatFits")]
        public string OverflowPolicy { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Has(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            var g = c.GroupProvisioning;
            var changes = new List<string>();
            if (Has(nameof(Enabled))) { g.Enabled = Enabled; changes.Add(Enabled ? "enable group provisioning" : "disable group provisioning (groups stay in ShareFile, no longer managed)"); }
            if (Has(nameof(NameSourceAttribute)) || Has(nameof(NameExpression)))
            {
                if (g.Mappings.Count == 0) g.Mappings.Add(new GroupAttributeMapping());
                var name = g.Mappings.FirstOrDefault(m => m?.Target == "Name") ?? g.Mappings[0];
                if (Has(nameof(NameSourceAttribute))) name.SourceAttribute = NameSourceAttribute;
                if (Has(nameof(NameExpression))) name.Expression = string.IsNullOrWhiteSpace(NameExpression) ? null : NameExpression;
                changes.Add("group name mapping");
            }
            if (Has(nameof(IsShared))) { g.IsShared = IsShared; changes.Add(IsShared ? "shared groups" : "private groups"); }
            if (Has(nameof(OnGroupRemoved))) { g.OnGroupRemoved = (GroupRemovedAction)System.Enum.Parse(typeof(GroupRemovedAction), OnGroupRemoved, true); changes.Add("OnGroupRemoved " + g.OnGroupRemoved); }
            if (Has(nameof(NestedGroups))) { g.NestedGroups = (NestedGroupHandling)System.Enum.Parse(typeof(NestedGroupHandling), NestedGroups, true); changes.Add("NestedGroups " + g.NestedGroups); }
            if (Has(nameof(OverflowPolicy))) { g.OverflowPolicy = (GroupOverflowPolicy)System.Enum.Parse(typeof(GroupOverflowPolicy), OverflowPolicy, true); changes.Add("OverflowPolicy " + g.OverflowPolicy); }
            if (g.Enabled && g.Mappings.Count == 0) g.Mappings.Add(new GroupAttributeMapping());

            if (TrySave(c, "Set group provisioning: " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes))) && PassThru)
                WriteObject(GroupProvisioningOutput.From(c, ResolvedProfile));
        }
    }
}
