namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>How the module signs in to Microsoft Graph.</summary>
    public enum SourceAuthenticationMode
    {
        ClientSecret,
        Certificate,
        ManagedIdentity,
        DeviceCode,
        AccessToken,
    }
}
