using System;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>What a connection resolved to. Holds no token values.</summary>
    public sealed class ShareFileSessionInfo
    {
        public ShareFileSessionInfo(
            string subdomain, Uri apiBaseUri, Uri tokenUri, string appControlPlane, string apiControlPlane,
            DateTimeOffset tokenExpiresUtc, bool adminUsers, bool adminAccounts)
        {
            Subdomain = subdomain;
            ApiBaseUri = apiBaseUri;
            TokenUri = tokenUri;
            AppControlPlane = appControlPlane;
            ApiControlPlane = apiControlPlane;
            TokenExpiresUtc = tokenExpiresUtc;
            AdminUsers = adminUsers;
            AdminAccounts = adminAccounts;
        }

        public string Subdomain { get; }

        /// <summary>e.g. https://contoso.sf-api.com/sf/v3/</summary>
        public Uri ApiBaseUri { get; }

        public Uri TokenUri { get; }

        /// <summary>appcp from the token, e.g. sharefile.com.</summary>
        public string AppControlPlane { get; }

        /// <summary>apicp from the token, e.g. sf-api.com.</summary>
        public string ApiControlPlane { get; }

        public DateTimeOffset TokenExpiresUtc { get; }

        /// <summary>Token flag admin_users.</summary>
        public bool AdminUsers { get; }

        /// <summary>Token flag admin_accounts.</summary>
        public bool AdminAccounts { get; }

        public override string ToString() => $"ShareFile {Subdomain} at {ApiBaseUri} (token expires {TokenExpiresUtc:u})";
    }
}
