using System.Net;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>POST /oauth/token: grants, wrong credentials, refresh-token rotation.</summary>
public sealed class OAuthConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Fact]
    public async Task Password_grant_returns_the_documented_token_fields()
    {
        var r = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        var access = (string)r.Body["access_token"];
        var refresh = (string)r.Body["refresh_token"];
        Assert.Matches(@"^[A-Za-z0-9]+\$\$[A-Za-z0-9]+$", access);
        Assert.Matches(@"^[A-Za-z0-9]+\$\$[A-Za-z0-9]+$", refresh);
        Assert.NotEqual(access, refresh);
        Assert.Equal("bearer", (string)r.Body["token_type"]);
        Assert.Equal(28800, (int)r.Body["expires_in"]);
        Assert.Equal("acme", (string)r.Body["subdomain"]);
        Assert.Equal("sharefile.com", (string)r.Body["appcp"]);
        Assert.Equal("sf-api.com", (string)r.Body["apicp"]);
        Assert.True((bool)r.Body["admin_users"]);
        Assert.True((bool)r.Body["admin_accounts"]);
    }

    [Fact]
    public async Task Username_is_matched_case_insensitively()
    {
        var r = await Sf.PasswordGrantAsync("ADMIN@Acme.com", AdminPassword);
        Assert.Equal(HttpStatusCode.OK, r.Status);
    }

    [Fact]
    public async Task Wrong_password_is_400_invalid_grant()
    {
        var r = await Sf.PasswordGrantAsync(AdminEmail, "wrong");
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("invalid_grant", (string)r.Body["error"]);
        Assert.False(string.IsNullOrEmpty((string)r.Body["error_description"]));
    }

    [Fact]
    public async Task Unknown_user_and_user_without_password_are_400_invalid_grant()
    {
        Assert.Equal("invalid_grant", (string)(await Sf.PasswordGrantAsync("nobody@acme.com", "x")).Body["error"]);
        Assert.Equal("invalid_grant", (string)(await Sf.PasswordGrantAsync("ada.lovelace@acme.com", "")).Body["error"]);
    }

    [Fact]
    public async Task Wrong_client_is_401_invalid_client_even_when_the_password_is_wrong_too()
    {
        var badSecret = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword, secret: "nope");
        var badBoth = await Sf.PasswordGrantAsync(AdminEmail, "wrong", clientId: "other");

        Assert.Equal(HttpStatusCode.Unauthorized, badSecret.Status);
        Assert.Equal("invalid_client", (string)badSecret.Body["error"]);
        Assert.Equal(HttpStatusCode.Unauthorized, badBoth.Status);
        Assert.Equal("invalid_client", (string)badBoth.Body["error"]);
    }

    [Fact]
    public async Task Disabled_user_cannot_obtain_a_token()
    {
        Reseed(s => s.Users.Find(u => u.Email == UserEmail).Disabled = true);
        var r = await Sf.PasswordGrantAsync(UserEmail, UserPassword);
        Assert.Equal(HttpStatusCode.BadRequest, r.Status);
        Assert.Equal("invalid_grant", (string)r.Body["error"]);
    }

    [Fact]
    public async Task Refresh_grant_issues_a_working_pair_and_the_old_refresh_token_dies()
    {
        var first = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword);
        var oldRefresh = (string)first.Body["refresh_token"];

        var refreshed = await Sf.RefreshGrantAsync(oldRefresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotEqual(oldRefresh, (string)refreshed.Body["refresh_token"]);
        Assert.Equal("acme", (string)refreshed.Body["subdomain"]);
        var me = await Sf.GetAsync("sf/v3/Users", (string)refreshed.Body["access_token"]);
        Assert.Equal(HttpStatusCode.OK, me.Status);

        var reused = await Sf.RefreshGrantAsync(oldRefresh);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("invalid_grant", (string)reused.Body["error"]);
        var unknown = await Sf.RefreshGrantAsync("bogus$$token");
        Assert.Equal("invalid_grant", (string)unknown.Body["error"]);
    }

    [Fact]
    public async Task Seeded_token_lifetime_is_reported_and_enforced()
    {
        Reseed(s => s.TokenLifetimeSeconds = 1);
        var r = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword);
        Assert.Equal(1, (int)r.Body["expires_in"]);
        var token = (string)r.Body["access_token"];
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", token)).Status);

        await Task.Delay(1200);

        var expired = await Sf.GetAsync("sf/v3/Users", token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        var refreshed = await Sf.RefreshGrantAsync((string)r.Body["refresh_token"]);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
    }

    [Fact]
    public async Task Unsupported_grant_type_and_non_form_body_are_rejected()
    {
        var grant = await Sf.TokenRequestAsync(("grant_type", "client_credentials"), ("client_id", SfHttp.ClientId), ("client_secret", SfHttp.ClientSecret));
        Assert.Equal(HttpStatusCode.BadRequest, grant.Status);
        Assert.Equal("unsupported_grant_type", (string)grant.Body["error"]);

        var json = await Sf.SendJsonAsync("POST", "oauth/token", null, "{\"grant_type\":\"password\"}");
        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Equal("invalid_request", (string)json.Body["error"]);
    }

    [Fact]
    public async Task Non_admin_login_gets_a_token_without_admin_flags()
    {
        var r = await Sf.PasswordGrantAsync(UserEmail, UserPassword);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.False((bool)r.Body["admin_users"]);
        Assert.False((bool)r.Body["admin_accounts"]);
    }
}
