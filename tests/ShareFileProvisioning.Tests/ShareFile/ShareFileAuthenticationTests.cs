using System.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.ShareFile;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>OAuth against the emulator: sign-in, renewal, 401 handling, credential errors.</summary>
public class ShareFileAuthenticationTests
{
    [Fact]
    public async Task Connect_resolves_session_from_token_without_exposing_token_values()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var trace = new RecordingTrace();
        using var client = Client(server, trace);

        var session = await client.ConnectAsync(default);

        Assert.Equal("acme", session.Subdomain);
        Assert.Equal(new Uri(server.BaseUri, "sf/v3/"), session.ApiBaseUri);
        Assert.Equal("sf-api.com", session.ApiControlPlane);
        Assert.Equal("sharefile.com", session.AppControlPlane);
        Assert.True(session.AdminUsers);
        Assert.True(session.TokenExpiresUtc > DateTimeOffset.UtcNow);
        Assert.Contains(trace.Lines, l => l.StartsWith("DEBUG ShareFile POST") && l.Contains("/oauth/token -> 200"));
        Assert.DoesNotContain(trace.Lines, l => l.Contains(AdminPassword) || l.Contains(ClientSecret));
    }

    [Fact]
    public async Task Expired_access_token_gets_one_renewal_and_one_resend_after_401()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);
        await client.GetCurrentUserAsync(default);
        await ExpireTokensAsync(server);

        var user = await client.GetCurrentUserAsync(default);

        Assert.Equal(AdminEmail, user.Email, ignoreCase: true);
        Assert.Equal(3, await CountAsync(server, "GET /sf/v3/Users"));
        Assert.Equal(2, await CountAsync(server, "POST /oauth/token"));
    }

    [Fact]
    public async Task Token_close_to_expiry_is_refreshed_before_the_call()
    {
        using var seed = TempSeed.Standard(tokenLifetimeSeconds: 2);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        var trace = new RecordingTrace();
        using var client = Client(server, trace);
        var first = await client.ConnectAsync(default);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await client.GetCurrentUserAsync(default);

        Assert.Equal(1, await CountAsync(server, "GET /sf/v3/Users"));
        Assert.Equal(2, await CountAsync(server, "POST /oauth/token"));
        Assert.Contains(trace.Lines, l => l.Contains("token refreshed"));
        Assert.True(client.Session.TokenExpiresUtc > first.TokenExpiresUtc);
    }

    [Fact]
    public async Task Refused_refresh_token_falls_back_to_the_password_grant()
    {
        using var seed = TempSeed.Standard(tokenLifetimeSeconds: 2);
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        var trace = new RecordingTrace();
        using var client = Client(server, trace);
        await client.ConnectAsync(default);
        await ResetAsync(server); // forgets every issued token, refresh tokens included
        await Task.Delay(TimeSpan.FromSeconds(2));

        var user = await client.GetCurrentUserAsync(default);

        Assert.Equal(AdminEmail, user.Email, ignoreCase: true);
        Assert.Contains(trace.Lines, l => l.Contains("refresh was refused"));
        Assert.Contains(trace.Lines, l => l.Contains("Signed in to ShareFile"));
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_request()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);

        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetCurrentUserAsync(default)));

        Assert.All(users, u => Assert.Equal(users[0].Id, u.Id, ignoreCase: true));
        Assert.Equal(1, await CountAsync(server, "POST /oauth/token"));
    }

    [Fact]
    public async Task Concurrent_callers_rejected_with_401_share_one_renewal()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server);
        await client.ConnectAsync(default);
        await ExpireTokensAsync(server);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAccountAsync(default)));

        Assert.Equal(2, await CountAsync(server, "POST /oauth/token"));
    }

    [Fact]
    public async Task Wrong_password_is_invalid_grant_with_an_admin_message_and_no_retry()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server, password: "Wrong-Pa55!");

        var ex = await Assert.ThrowsAsync<ShareFileAuthenticationException>(() => client.ConnectAsync(default));

        Assert.Equal(ShareFileAuthenticationFailure.InvalidGrant, ex.Failure);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("user name or password was rejected", ex.Message);
        Assert.DoesNotContain("Wrong-Pa55!", ex.Message);
        Assert.Equal(1, await CountAsync(server, "POST /oauth/token"));
    }

    [Fact]
    public async Task Wrong_client_secret_is_invalid_client_and_the_secret_stays_out_of_the_message()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        using var client = Client(server, secret: "not-the-secret-42");

        var ex = await Assert.ThrowsAsync<ShareFileAuthenticationException>(() => client.GetCurrentUserAsync(default));

        Assert.Equal(ShareFileAuthenticationFailure.InvalidClient, ex.Failure);
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("client id or client secret was rejected", ex.Message);
        Assert.DoesNotContain("not-the-secret-42", ex.Message);
        Assert.Equal(1, await CountAsync(server, "POST /oauth/token"));
    }
}
