using System.Collections.Generic;
using ShareFileProvisioning.Cmdlets.Completion;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Completes -Profile with the profiles that exist under the configuration root.</summary>
    public sealed class ProfileNameCompleter : NameCompleter
    {
        private protected override IEnumerable<string> Names()
        {
            try
            {
                return Engine.Configuration.ProfileLocator.ForCurrentUser().ListNames();
            }
            catch (System.Exception)
            {
                return new string[0]; // completion must never throw at the user
            }
        }
    }
}
