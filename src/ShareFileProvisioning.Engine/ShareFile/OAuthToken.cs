using System;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>A token pair and what the token response says about the account. Internal: token values never leave the engine.</summary>
    internal sealed class OAuthToken
    {
        public string AccessToken { get; set; }

        public string RefreshToken { get; set; }

        public DateTimeOffset IssuedUtc { get; set; }

        public DateTimeOffset ExpiresUtc { get; set; }

        public string Subdomain { get; set; }

        public string AppControlPlane { get; set; }

        public string ApiControlPlane { get; set; }

        public bool AdminUsers { get; set; }

        public bool AdminAccounts { get; set; }

        public TimeSpan Lifetime => ExpiresUtc - IssuedUtc;

        /// <summary>Renew ahead of expiry: the smaller of 60 s and 10 % of the lifetime, so short test lifetimes still work.</summary>
        public bool NeedsRenewal(DateTimeOffset now)
        {
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, Lifetime.Ticks / 10));
            return now >= ExpiresUtc - margin;
        }

        public override string ToString() => $"ShareFile token for {Subdomain}, expires {ExpiresUtc:u}";
    }
}
