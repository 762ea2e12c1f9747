using System;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning
{
    /// <summary>
    /// A signed-in ShareFile connection, as Connect-ShareFile returns it with -PassThru and every connected cmdlet takes
    /// with -Connection. It shows where and as whom, never a secret or a token.
    /// </summary>
    public sealed class ShareFileConnection
    {
        internal ShareFileConnection(ShareFileClient client, ShareFileConnectionSettings settings, ShareFileSessionInfo session)
        {
            Client = client;
            Settings = settings;
            Subdomain = session.Subdomain;
            ApiBaseUri = session.ApiBaseUri;
            UserName = settings.Username;
            ClientId = settings.ClientId;
            ConnectedOn = DateTime.UtcNow;
        }

        public string Subdomain { get; }

        public Uri ApiBaseUri { get; }

        public string UserName { get; }

        public string ClientId { get; }

        public string AuthenticationType => "OAuthPassword";

        public DateTime ConnectedOn { get; }

        /// <summary>UTC expiry of the current access token; the module refreshes it before it runs out.</summary>
        public DateTime TokenExpiresOn => (Client.Session?.TokenExpiresUtc ?? DateTimeOffset.MinValue).UtcDateTime;

        internal ShareFileClient Client { get; }

        internal ShareFileConnectionSettings Settings { get; }

        public override string ToString() => $"{Subdomain} ({UserName})";
    }
}
