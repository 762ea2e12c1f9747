using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Tests.ShareFile;

public class ShareFileEndpointsTests
{
    private static ShareFileConnectionSettings Settings(string subdomain) => new()
    {
        Subdomain = subdomain,
        Username = "admin@contoso.com",
        Password = ShareFileTestKit.Secure("pw-Zq9"),
        ClientId = "id",
        ClientSecret = ShareFileTestKit.Secure("secret-Xy7"),
    };

    [Theory]
    [InlineData("contoso", "https://contoso.sharefile.com/oauth/token", "https://contoso.sf-api.com/sf/v3/")]
    [InlineData("Contoso.ShareFile.com", "https://contoso.sharefile.com/oauth/token", "https://contoso.sf-api.com/sf/v3/")]
    [InlineData("contoso.sharefile.eu", "https://contoso.sharefile.eu/oauth/token", "https://contoso.sf-api.eu/sf/v3/")]
    [InlineData("contoso.sf-api.com", "https://contoso.sharefile.com/oauth/token", "https://contoso.sf-api.com/sf/v3/")]
    [InlineData("https://contoso.sharefile.com/", "https://contoso.sharefile.com/oauth/token", "https://contoso.sf-api.com/sf/v3/")]
    public void Subdomain_or_host_gives_token_url_and_api_base_guess(string input, string tokenUrl, string apiBase)
    {
        var settings = Settings(input);
        Assert.Equal(tokenUrl, ShareFileEndpoints.ResolveTokenUri(settings).AbsoluteUri);
        Assert.Equal(apiBase, ShareFileEndpoints.ResolveApiBase(settings, null, null).AbsoluteUri);
    }

    [Fact]
    public void Api_base_comes_from_the_tokens_subdomain_and_apicp()
    {
        var apiBase = ShareFileEndpoints.ResolveApiBase(Settings("contoso"), "contoso-eu", "sf-api.eu");
        Assert.Equal("https://contoso-eu.sf-api.eu/sf/v3/", apiBase.AbsoluteUri);
    }

    [Theory]
    [InlineData("con toso")]
    [InlineData("sharefile.com")]
    [InlineData("-contoso")]
    [InlineData("")]
    public void Invalid_subdomain_is_rejected_naming_the_value(string input)
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings(input).Validate());
        Assert.Contains("Subdomain", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Base_address_override_serves_token_and_api_from_one_origin()
    {
        var settings = Settings("contoso");
        settings.BaseAddressOverride = new Uri("http://127.0.0.1:5123");
        Assert.Equal("http://127.0.0.1:5123/oauth/token", ShareFileEndpoints.ResolveTokenUri(settings).AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5123/sf/v3/", ShareFileEndpoints.ResolveApiBase(settings, "acme", "sf-api.com").AbsoluteUri);
    }

    [Fact]
    public void Explicit_token_and_api_overrides_win_over_the_base_address()
    {
        var settings = Settings("contoso");
        settings.BaseAddressOverride = new Uri("https://base.example.com/");
        settings.TokenUrlOverride = new Uri("https://login.example.com/custom/token");
        settings.ApiBaseUrlOverride = new Uri("https://api.example.com/v3");
        Assert.Equal("https://login.example.com/custom/token", ShareFileEndpoints.ResolveTokenUri(settings).AbsoluteUri);
        Assert.Equal("https://api.example.com/v3/", ShareFileEndpoints.ResolveApiBase(settings, "acme", "sf-api.com").AbsoluteUri);
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.2:8080/")]
    [InlineData("http://[::1]:8080/")]
    public void Plain_http_is_accepted_for_loopback_hosts(string origin)
    {
        var settings = Settings("acme");
        settings.BaseAddressOverride = new Uri(origin);
        settings.Validate();
    }

    [Theory]
    [InlineData("http://sharefile.example.com/", nameof(ShareFileConnectionSettings.BaseAddressOverride))]
    [InlineData("http://10.0.0.5/", nameof(ShareFileConnectionSettings.BaseAddressOverride))]
    public void Plain_http_to_a_non_loopback_host_is_refused_with_a_clear_error(string origin, string setting)
    {
        var settings = Settings("acme");
        settings.BaseAddressOverride = new Uri(origin);
        var ex = Assert.Throws<ArgumentException>(() => new ShareFileClient(settings));
        Assert.Contains("https", ex.Message);
        Assert.Contains(setting, ex.Message);
    }

    [Fact]
    public void Plain_http_api_override_is_refused_too()
    {
        var settings = Settings("acme");
        settings.ApiBaseUrlOverride = new Uri("http://api.example.com/sf/v3/");
        Assert.Throws<ArgumentException>(() => settings.Validate());
    }

    [Fact]
    public void Settings_text_shows_no_secrets()
    {
        var settings = Settings("contoso");
        var text = settings.ToString();
        Assert.Contains("contoso", text);
        Assert.Contains("admin@contoso.com", text);
        Assert.DoesNotContain("secret-Xy7", text);
        Assert.DoesNotContain("pw-Zq9", text);
    }

    [Fact]
    public void Missing_password_is_named()
    {
        var settings = Settings("contoso");
        settings.Password = null;
        var ex = Assert.Throws<ArgumentException>(() => settings.Validate());
        Assert.Contains("Password", ex.Message);
    }
}
