using System.Linq;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    internal static class GroupProvisioningOutput
    {
        public static ShareFileGroupProvisioning From(ProvisioningConfiguration c, ProvisioningProfile profile)
        {
            var g = c.GroupProvisioning ?? new GroupProvisioningSettings();
            var name = (g.Mappings ?? new System.Collections.Generic.List<GroupAttributeMapping>()).FirstOrDefault(m => m?.Target == "Name");
            return new ShareFileGroupProvisioning
            {
                Profile = profile.Name, Enabled = g.Enabled, IsShared = g.IsShared, OnGroupRemoved = g.OnGroupRemoved.ToString(),
                NestedGroups = g.NestedGroups.ToString(), OverflowPolicy = g.OverflowPolicy.ToString(), ConfigurationPath = profile.ConfigurationPath,
                NameMapping = name == null ? null : !string.IsNullOrWhiteSpace(name.Expression) ? name.Expression : "[" + name.SourceAttribute + "]",
            };
        }
    }
}
