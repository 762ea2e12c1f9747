using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>The identity a sign-in acts as, in the shape of a log record's initiatedBy (never a secret: ids and names only).</summary>
    internal static class SourceInitiator
    {
        public static ProvisioningInitiator For(SourceSignInSettings signIn)
        {
            switch (signIn?.Mode)
            {
                case SourceAuthenticationMode.ManagedIdentity:
                    return new ProvisioningInitiator
                    {
                        Id = signIn.ManagedIdentityClientId ?? "system-assigned",
                        DisplayName = signIn.ManagedIdentityClientId == null ? "Managed identity (system-assigned)" : $"Managed identity {signIn.ManagedIdentityClientId}",
                        InitiatorType = "application",
                    };
                case SourceAuthenticationMode.ClientSecret:
                case SourceAuthenticationMode.Certificate:
                    return new ProvisioningInitiator { Id = signIn.ClientId, DisplayName = $"App {signIn.ClientId}", InitiatorType = "application" };
                case SourceAuthenticationMode.DeviceCode:
                    return new ProvisioningInitiator { Id = signIn.ClientId, DisplayName = "Signed-in user (device code)", InitiatorType = "user" };
                case SourceAuthenticationMode.AccessToken:
                    return new ProvisioningInitiator { Id = "access-token", DisplayName = "The identity of the supplied access token", InitiatorType = "application" };
                default:
                    return ProvisioningCycleContext.CurrentUser();
            }
        }
    }
}
