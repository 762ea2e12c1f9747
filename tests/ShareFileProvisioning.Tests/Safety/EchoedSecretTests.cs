using System.Threading;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Tests.ShareFile;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// Servers echo requests back in their errors. Whatever spelling the echo uses (form, JSON, camelCase, JSON inside a
/// JSON string, "name: value"), the secret never reaches an exception message or the trace.
/// </summary>
public sealed class EchoedSecretTests
{
    private const string Secret = "S3cr3t-Echo-71";
    private const string Refresh = "R3fresh-Echo-42";

    private static readonly string Echo =
        $"rejected client_secret={Secret}&password={Secret} or {{\"clientSecret\":\"{Secret}\",\"refreshToken\":\"{Refresh}\"}} "
        + $"or {{\\\"password\\\":\\\"{Secret}\\\"}} or accessToken: {Refresh}";

    private static void AssertNoSecret(params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Secret, text ?? string.Empty);
            Assert.DoesNotContain(Refresh, text ?? string.Empty);
        }
    }

    [Fact]
    public async Task ShareFile_token_error_that_echoes_the_credentials_shows_none_of_them()
    {
        using var server = ScriptedServer.Start((_, _) => (400, new JObject { ["error"] = "invalid_request", ["error_description"] = Echo }.ToString()));
        var trace = new RecordingTrace();
        using var client = new ShareFileClient(Settings(server.BaseUri), FastOptions(), trace);

        var e = await Assert.ThrowsAsync<ShareFileAuthenticationException>(() => client.ConnectAsync(CancellationToken.None));

        Assert.Contains("invalid_request", e.Message);
        AssertNoSecret(e.Message, e.ToString(), string.Join("\n", trace.Lines));
    }

    [Fact]
    public async Task ShareFile_api_error_that_echoes_a_request_body_shows_no_secret()
    {
        using var server = ScriptedServer.Start((req, _) => req.Url!.AbsolutePath == "/oauth/token"
            ? (200, new JObject { ["access_token"] = "tok", ["expires_in"] = 3600, ["subdomain"] = "acme", ["apicp"] = "sf-api.com", ["appcp"] = "sharefile.com" }.ToString())
            : (400, new JObject { ["code"] = "BadRequest", ["message"] = new JObject { ["lang"] = "en-US", ["value"] = Echo } }.ToString()));
        var trace = new RecordingTrace();
        using var client = new ShareFileClient(Settings(server.BaseUri), FastOptions(), trace);

        var e = await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetCurrentUserAsync(CancellationToken.None));

        Assert.Contains("rejected", e.Message);
        AssertNoSecret(e.Message, e.ServerMessage, string.Join("\n", trace.Lines));
    }

    [Fact]
    public async Task Graph_error_that_echoes_a_secret_shows_none_of_it()
    {
        using var server = ScriptedServer.Start((_, _) => (400, new JObject { ["error"] = new JObject { ["code"] = "BadRequest", ["message"] = Echo } }.ToString()));

        var e = await Assert.ThrowsAsync<SourceException>(() => EntraSource.ConnectAsync(
            new SourceSignInSettings { AccessToken = Secure("any-token"), GraphBaseUri = new Uri(server.BaseUri, "v1.0") },
            new SourceAppSelector { ServicePrincipalId = "5b2c0d1e-0000-4b7c-a6d5-e4f3a2b1c0d9" }, null, CancellationToken.None));

        Assert.Contains("rejected", e.Message);
        AssertNoSecret(e.Message);
    }
}
