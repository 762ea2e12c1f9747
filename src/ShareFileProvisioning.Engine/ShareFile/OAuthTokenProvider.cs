using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// Obtains and renews the OAuth token (docs/sharefile-api.md, 'Signing in'). One SemaphoreSlim serialises acquisition so many
    /// concurrent callers trigger a single token request; refresh tokens rotate, and a failed refresh falls back
    /// to the password grant.
    /// </summary>
    internal sealed class OAuthTokenProvider : IDisposable
    {
        private readonly ShareFileConnectionSettings _settings;
        private readonly ShareFileHttpSender _sender;
        private readonly IEngineTrace _trace;
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
        private OAuthToken _current;

        public OAuthTokenProvider(ShareFileConnectionSettings settings, Uri tokenUri, ShareFileHttpSender sender, IEngineTrace trace)
        {
            _settings = settings;
            TokenUri = tokenUri;
            _sender = sender;
            _trace = trace;
        }

        public Uri TokenUri { get; }

        public OAuthToken Current => Volatile.Read(ref _current);

        public async Task<OAuthToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var token = Current;
            if (token != null && !token.NeedsRenewal(DateTimeOffset.UtcNow))
            {
                return token;
            }

            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = Current;
                if (token != null && !token.NeedsRenewal(DateTimeOffset.UtcNow))
                {
                    return token;
                }

                return await RenewLockedAsync(token, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }

        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            return (await GetTokenAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
        }

        /// <summary>After a 401: renew unless another caller already replaced the rejected token.</summary>
        public async Task RenewAfterRejectionAsync(string rejectedAccessToken, CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var token = Current;
                if (token != null && !string.Equals(token.AccessToken, rejectedAccessToken, StringComparison.Ordinal))
                {
                    return;
                }

                await RenewLockedAsync(token, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _lock.Release();
            }
        }

        private async Task<OAuthToken> RenewLockedAsync(OAuthToken previous, CancellationToken cancellationToken)
        {
            OAuthToken renewed = null;
            if (previous?.RefreshToken != null)
            {
                try
                {
                    renewed = await RequestAsync(RefreshForm(previous.RefreshToken), "refresh_token", cancellationToken).ConfigureAwait(false);
                    _trace.Verbose($"ShareFile token refreshed; expires {renewed.ExpiresUtc:u}.");
                }
                catch (ShareFileAuthenticationException ex)
                {
                    // Refresh tokens rotate: an unknown, used or expired one → start over with the password grant.
                    _trace.Verbose($"ShareFile token refresh was refused ({ex.OAuthError ?? ex.Failure.ToString()}); signing in again with the "
                        + "password grant.");
                }
            }

            if (renewed == null)
            {
                renewed = await RequestAsync(PasswordForm, "password", cancellationToken).ConfigureAwait(false);
                _trace.Verbose($"Signed in to ShareFile as {_settings.Username}; token expires {renewed.ExpiresUtc:u}.");
            }

            Volatile.Write(ref _current, renewed);
            return renewed;
        }

        private IEnumerable<KeyValuePair<string, string>> PasswordForm()
        {
            return new[]
            {
                new KeyValuePair<string, string>("grant_type", "password"),
                new KeyValuePair<string, string>("client_id", _settings.ClientId),
                new KeyValuePair<string, string>("client_secret", SecureStrings.Unwrap(_settings.ClientSecret)),
                new KeyValuePair<string, string>("username", _settings.Username),
                new KeyValuePair<string, string>("password", SecureStrings.Unwrap(_settings.Password)),
            };
        }

        private Func<IEnumerable<KeyValuePair<string, string>>> RefreshForm(string refreshToken)
        {
            return () => new[]
            {
                new KeyValuePair<string, string>("grant_type", "refresh_token"),
                new KeyValuePair<string, string>("refresh_token", refreshToken),
                new KeyValuePair<string, string>("client_id", _settings.ClientId),
                new KeyValuePair<string, string>("client_secret", SecureStrings.Unwrap(_settings.ClientSecret)),
            };
        }

        private async Task<OAuthToken> RequestAsync(
            Func<IEnumerable<KeyValuePair<string, string>>> form, string grantType, CancellationToken cancellationToken)
        {
            // The form (with secrets) is built per attempt and lives only as long as the request content.
            var spec = new HttpRequestSpec(HttpMethod.Post, TokenUri) { ContentFactory = () => new FormUrlEncodedContent(form()) };
            var issuedAt = DateTimeOffset.UtcNow;
            using (var response = await _sender.SendAsync(spec, cancellationToken).ConfigureAwait(false))
            {
                var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                var json = TryParseObject(body);
                if (!response.IsSuccessStatusCode)
                {
                    throw MapError((int)response.StatusCode, json, grantType);
                }

                var access = json == null ? null : ShareFileJson.String(json, "access_token");
                if (string.IsNullOrEmpty(access))
                {
                    throw new ShareFileAuthenticationException(
                        $"The ShareFile token endpoint {TokenUri.GetLeftPart(UriPartial.Path)} answered without an access token. Check that the "
                            + "subdomain or base address points at ShareFile.",
                        ShareFileAuthenticationFailure.Other, (int)response.StatusCode, null);
                }

                var expiresIn = json.Value<double?>("expires_in") ?? 0;
                if (expiresIn <= 0)
                {
                    expiresIn = 3600; // Unstated lifetime: assume an hour; a 401 would still renew it.
                }

                return new OAuthToken
                {
                    AccessToken = access,
                    RefreshToken = ShareFileJson.String(json, "refresh_token"),
                    IssuedUtc = issuedAt,
                    ExpiresUtc = issuedAt + TimeSpan.FromSeconds(expiresIn),
                    Subdomain = ShareFileJson.String(json, "subdomain"),
                    AppControlPlane = ShareFileJson.String(json, "appcp"),
                    ApiControlPlane = ShareFileJson.String(json, "apicp"),
                    AdminUsers = ShareFileJson.Bool(json, "admin_users") ?? false,
                    AdminAccounts = ShareFileJson.Bool(json, "admin_accounts") ?? false,
                };
            }
        }

        private ShareFileAuthenticationException MapError(int status, JObject json, string grantType)
        {
            var error = json == null ? null : ShareFileJson.String(json, "error");
            if (string.Equals(error, "invalid_client", StringComparison.OrdinalIgnoreCase))
            {
                return new ShareFileAuthenticationException(
                    $"The ShareFile OAuth client id or client secret was rejected (invalid_client) for client id '{_settings.ClientId}'. Check the "
                        + "API key's client id and secret in the ShareFile connection settings.",
                    ShareFileAuthenticationFailure.InvalidClient, status, error);
            }

            if (string.Equals(error, "invalid_grant", StringComparison.OrdinalIgnoreCase))
            {
                var what = grantType == "refresh_token"
                    ? "The ShareFile refresh token was rejected (invalid_grant)."
                    : $"The ShareFile user name or password was rejected (invalid_grant) for '{_settings.Username}'. Check the administrator's user "
                        + "name and password (and that the user exists on this subdomain).";
                return new ShareFileAuthenticationException(what, ShareFileAuthenticationFailure.InvalidGrant, status, error);
            }

            var description = json == null ? null : ShareFileJson.String(json, "error_description");
            return new ShareFileAuthenticationException(
                $"ShareFile did not issue a token: {TokenUri.GetLeftPart(UriPartial.Path)} answered "
                    + $"{status}{(error == null ? string.Empty : " " + error)}"
                    + $"{(description == null ? string.Empty : ": " + SecretRedactor.Redact(description))}.",
                ShareFileAuthenticationFailure.Other, status, error);
        }

        private static JObject TryParseObject(string body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            try
            {
                return ShareFileJson.Parse(body) as JObject;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            _lock.Dispose();
        }
    }
}
