using System.Management.Automation;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Shows the profile's group-provisioning settings.</summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileGroupProvisioning")]
    [OutputType(typeof(ShareFileGroupProvisioning))]
    public sealed class GetShareFileGroupProvisioningCommand : ConfigurationCmdlet
    {
        private protected override void ProcessRecordCore()
        {
            if (TryLoad(out var c)) WriteObject(GroupProvisioningOutput.From(c, ResolvedProfile));
        }
    }
}
