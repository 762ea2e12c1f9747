using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>OAuth: password and refresh grants, opaque tokens, rotation (docs/sharefile-api.md, 'Signing in').</summary>
public sealed partial class ShareFileState
{
    private sealed record TokenEntry(string UserId, DateTime ExpiresUtc);

    private readonly ConcurrentDictionary<string, TokenEntry> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenEntry> _refreshTokens = new(StringComparer.Ordinal);

    /// <summary>Refresh tokens outlive access tokens; 30 days is plenty for any test.</summary>
    private static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    /// <summary>Outcome of a token request: either Token or an OAuth error with its HTTP status.</summary>
    internal sealed record TokenResult(int Status, string Error, string Description, string AccessToken, string RefreshToken,
        int ExpiresIn, bool AdminUsers, bool AdminAccounts);

    internal TokenResult IssueToken(string grantType, string clientId, string clientSecret, string username, string password, string refreshToken)
    {
        // The client is checked before anything else (wrong client: 401 invalid_client).
        if (!FixedEquals(clientId, _seed.OAuth.ClientId) || !FixedEquals(clientSecret, _seed.OAuth.ClientSecret))
            return Fail(401, "invalid_client", "Client authentication failed.");

        string userId;
        switch (grantType)
        {
            case "password":
            {
                // Wrong user or password: 400 invalid_grant; a disabled user cannot sign in and gets the same answer.
                userId = Read(() => UserByEmailLocked(username ?? string.Empty) is { IsDisabled: false, Password: not null } u
                                    && FixedEquals(password, u.Password) ? u.Id : null);
                if (userId == null) return Fail(400, "invalid_grant", "The user name or password is incorrect.");
                break;
            }
            case "refresh_token":
            {
                // Rotation: the presented token dies whatever happens next.
                if (string.IsNullOrEmpty(refreshToken) || !_refreshTokens.TryRemove(refreshToken, out var entry) || entry.ExpiresUtc <= DateTime.UtcNow)
                    return Fail(400, "invalid_grant", "The refresh token is invalid or expired.");
                userId = entry.UserId;
                var live = Read(() => UserLocked(userId) is { IsDisabled: false });
                if (!live) return Fail(400, "invalid_grant", "The user can no longer sign in.");
                break;
            }
            case null or "":
                return Fail(400, "invalid_request", "grant_type is required.");
            default:
                return Fail(400, "unsupported_grant_type", $"grant_type '{grantType}' is not supported.");
        }

        var now = DateTime.UtcNow;
        var lifetime = TokenLifetimeSeconds;
        var prefix = RandomToken(32);
        var access = prefix + "$$" + RandomToken(16);
        var refresh = prefix + "$$" + RandomToken(16);
        _accessTokens[access] = new TokenEntry(userId, now.AddSeconds(lifetime));
        _refreshTokens[refresh] = new TokenEntry(userId, now.Add(RefreshLifetime));
        var (adminUsers, adminAccounts) = Write(() =>
        {
            var u = UserLocked(userId);
            if (u == null) return (false, false);
            u.FirstAnyLogin ??= now;
            u.LastAnyLogin = now;
            return (u.HasRole(SfRoles.AdminManageEmployees) || u.HasRole(SfRoles.CanManageUsers),
                u.HasRole(SfRoles.SuperUser) || u.HasRole(SfRoles.MasterAdmin) || u.IsAdministrator);
        });
        return new TokenResult(200, null, null, access, refresh, lifetime, adminUsers, adminAccounts);

        static TokenResult Fail(int status, string error, string description) => new(status, error, description, null, null, 0, false, false);
    }

    /// <summary>User id behind a live access token, or null (missing, unknown or expired).</summary>
    internal string ValidateAccessToken(string token)
    {
        if (string.IsNullOrEmpty(token) || !_accessTokens.TryGetValue(token, out var entry)) return null;
        if (entry.ExpiresUtc > DateTime.UtcNow) return entry.UserId;
        _accessTokens.TryRemove(token, out _);
        return null;
    }

    /// <summary>Every access token issued so far stops working now (refresh tokens stay valid).</summary>
    public void ExpireAccessTokens() => _accessTokens.Clear();

    /// <summary>Access and refresh tokens currently valid, for tests that check rotation.</summary>
    public int LiveAccessTokenCount => _accessTokens.Count(p => p.Value.ExpiresUtc > DateTime.UtcNow);

    private void ClearTokens()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
    }

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    private static bool FixedEquals(string a, string b) =>
        a != null && b != null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
