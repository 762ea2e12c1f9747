using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.Source.Authentication
{
    /// <summary>
    /// A token the admin already holds (-AccessToken). It cannot be renewed, so its expiry is read from the JWT when
    /// it is one; an opaque token is assumed valid for an hour (Graph's usual lifetime).
    /// </summary>
    internal sealed class StaticTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        public StaticTokenCredential(string token)
        {
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("The access token is empty.", nameof(token));
            _token = new AccessToken(token, ExpiryOf(token) ?? DateTimeOffset.UtcNow.AddHours(1));
        }

        public DateTimeOffset ExpiresOn => _token.ExpiresOn;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(_token);

        internal static DateTimeOffset? ExpiryOf(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3) return null;
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                var exp = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))["exp"];
                return exp != null && exp.Type == JTokenType.Integer ? DateTimeOffset.FromUnixTimeSeconds((long)exp) : (DateTimeOffset?)null;
            }
            catch (Exception e) when (e is FormatException || e is Newtonsoft.Json.JsonException || e is ArgumentException)
            {
                return null;
            }
        }
    }
}
