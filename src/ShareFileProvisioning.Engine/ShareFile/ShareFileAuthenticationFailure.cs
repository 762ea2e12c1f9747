namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Why the OAuth token endpoint refused to issue a token.</summary>
    public enum ShareFileAuthenticationFailure
    {
        /// <summary>Any other refusal (unexpected OAuth error, server fault, unreadable answer).</summary>
        Other = 0,

        /// <summary>invalid_client (401): the OAuth client id or secret is wrong.</summary>
        InvalidClient = 1,

        /// <summary>invalid_grant (400): the user name or password is wrong.</summary>
        InvalidGrant = 2,
    }
}
