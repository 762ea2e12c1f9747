using System.IO;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Tests.ShareFile;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// The administrator's password and the bearer token go only to ShareFile: a subdomain or a token response naming
/// another host is refused before anything is sent there.
/// </summary>
public sealed class ShareFileHostAllowListTests
{
    private static ShareFileConnectionSettings Settings(string subdomain) => new()
    {
        Subdomain = subdomain,
        Username = AdminEmail,
        Password = Secure(AdminPassword),
        ClientId = ClientId,
        ClientSecret = Secure(ClientSecret),
    };

    [Theory]
    [InlineData("acme.sharefile.com.evil.net", "not a ShareFile domain")]
    [InlineData("acme.evil.net", "not a ShareFile domain")]
    [InlineData("a@b", "path, user, port or space")]
    [InlineData("acme/../evil", "path, user, port or space")]
    [InlineData("acme evil", "path, user, port or space")]
    [InlineData("acme.sharefile.com:8443", "path, user, port or space")]
    [InlineData("https://acme.sharefile.com/evil/path", "only the host")]
    [InlineData("https://x@acme.sharefile.com/", "only the host")]
    [InlineData("http://acme.sharefile.com/", "not an https URL")]
    [InlineData("ac_me", "not a DNS label")]
    [InlineData("sharefile.com", "no account")]
    public void Subdomain_that_is_not_a_ShareFile_host_is_refused_naming_value_and_cause(string subdomain, string cause)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ShareFileClient(Settings(subdomain)));

        Assert.Contains($"'{subdomain}'", ex.Message);
        Assert.Contains(cause, ex.Message);
    }

    [Theory]
    [InlineData("acme.securevdr.com", "https://acme.securevdr.com/oauth/token")]
    [InlineData("acme.citrixdata.com", "https://acme.citrixdata.com/oauth/token")]
    [InlineData("acme.sharefiletest.com", "https://acme.sharefiletest.com/oauth/token")]
    [InlineData("acme.sf-apidev.com", "https://acme.sharefiledev.com/oauth/token")]
    public void Every_documented_control_plane_is_accepted(string subdomain, string tokenUrl)
    {
        Assert.Equal(tokenUrl, ShareFileEndpoints.ResolveTokenUri(Settings(subdomain)).AbsoluteUri);
    }

    [Fact]
    public void Explicit_https_base_uri_may_leave_the_list()
    {
        var settings = Settings("acme");
        settings.BaseAddressOverride = new Uri("https://sharefile-gateway.contoso.net/");
        Assert.Equal("https://sharefile-gateway.contoso.net/oauth/token", ShareFileEndpoints.ResolveTokenUri(settings).AbsoluteUri);
    }

    [Theory]
    [InlineData("apicp", "sf-api.com.evil.net")]
    [InlineData("apicp", "evil.net/x")]
    [InlineData("appcp", "sharefile.com.evil.net")]
    [InlineData("subdomain", "acme.evil")]
    [InlineData("subdomain", "acme@evil.net")]
    public async Task Token_response_pointing_elsewhere_is_refused_before_any_api_request(string field, string value)
    {
        using var seed = TempSeed.Standard();
        var json = JObject.Parse(File.ReadAllText(seed.Path));
        json["account"]![field] = value;
        File.WriteAllText(seed.Path, json.ToString());
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = seed.Path });
        var settings = Settings("acme");
        settings.TokenUrlOverride = new Uri(server.BaseUri, "oauth/token");
        using var client = new ShareFileClient(settings, FastOptions());

        var ex = await Assert.ThrowsAsync<ShareFileAuthenticationException>(() => client.GetCurrentUserAsync(default));

        Assert.Contains($"{field} '{value}'", ex.Message);
        Assert.Equal(1, client.Metrics.Requests);
        Assert.Equal(0, await CountPrefixAsync(server, "GET /sf/v3"));
    }
}
