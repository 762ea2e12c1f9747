using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using Microsoft.Graph.Models.ODataErrors;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphTokenEndpointTests : GraphEmulatorHarness
{
    private const string FullApp = "c0ffee00-1234-4abc-8def-0123456789ab";
    private const string NoUsersApp = "c0ffee00-5678-4abc-8def-0123456789ab";

    private async Task<(HttpStatusCode Status, JObject Body)> RequestToken(string tenant, Dictionary<string, string> form)
    {
        var response = await PlainHttp().PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static Dictionary<string, string> Form(string clientId, string secret) => new()
    {
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = "https://graph.microsoft.com/.default",
        ["grant_type"] = "client_credentials",
    };

    [Fact]
    public async Task ClientCredentials_WithTheRightSecret_IssuesABearerTokenThatGraphAccepts()
    {
        var (status, body) = await RequestToken(TenantId, Form(FullApp, "emulator-secret-value"));
        var user = await CreateClient((string)body["access_token"]).Users[Ada].GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", (string)body["token_type"]);
        Assert.Equal(3599, (int)body["expires_in"]);
        Assert.Equal("Ada Lovelace", user.DisplayName);
    }

    [Fact]
    public async Task IssuedToken_CarriesOnlyTheAppsRoles()
    {
        var (_, body) = await RequestToken(TenantId, Form(NoUsersApp, "emulator-secret-no-users"));
        var client = CreateClient((string)body["access_token"]);

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users.Delta.GetAsDeltaGetResponseAsync());
        var sp = await client.ServicePrincipals[SpId].GetAsync();

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Contains("User.Read.All", error.Error.Message);
        Assert.Equal(SpId, sp.Id);
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_Is401InvalidClientWithoutEchoingTheSecret()
    {
        var (status, body) = await RequestToken(TenantId, Form(FullApp, "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", (string)body["error"]);
        Assert.StartsWith("AADSTS7000215:", (string)body["error_description"]);
        Assert.Equal(7000215, (int)body["error_codes"][0]);
        Assert.DoesNotContain("not-the-secret", body.ToString());
    }

    [Fact]
    public async Task ClientCredentials_UnknownTenantOrClientOrScope_AreRejected()
    {
        var (tenantStatus, tenantBody) = await RequestToken(Guid.NewGuid().ToString(), Form(FullApp, "emulator-secret-value"));
        var (clientStatus, clientBody) = await RequestToken(TenantId, Form(Guid.NewGuid().ToString(), "x"));
        var badScope = Form(FullApp, "emulator-secret-value");
        badScope["scope"] = "User.Read";
        var (scopeStatus, scopeBody) = await RequestToken(TenantId, badScope);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (tenantStatus, (string)tenantBody["error"]));
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (clientStatus, (string)clientBody["error"]));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_scope"), (scopeStatus, (string)scopeBody["error"]));
    }

    [Fact]
    public async Task ClientCredentials_WithAClientAssertionNamingTheClient_IssuesAToken()
    {
        static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var assertion = B64("{\"alg\":\"RS256\"}") + "." + B64($"{{\"iss\":\"{FullApp}\",\"sub\":\"{FullApp}\",\"exp\":{exp}}}") + ".c2ln";
        var form = Form(FullApp, null);
        form.Remove("client_secret");
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        form["client_assertion"] = assertion;

        var (status, body) = await RequestToken(TenantId, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull((string)body["access_token"]);
    }

    private async Task<(HttpStatusCode Status, JObject Body)> RequestMsi(string header, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "_msi/token?" + query);
        if (header != null) request.Headers.Add("X-IDENTITY-HEADER", header);
        var response = await PlainHttp().SendAsync(request);
        return (response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ManagedIdentity_AppServiceProtocol_ReturnsTokenWithExpiresOnAsUnixSecondsString()
    {
        var (status, body) = await RequestMsi("emulator-identity-header", "api-version=2019-08-01&resource=https%3A%2F%2Fgraph.microsoft.com&client_id=d0d0cafe-9abc-4def-8012-3456789abcde");
        var expiresOn = long.Parse((string)body["expires_on"]);
        var groups = await CreateClient((string)body["access_token"]).Groups.GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JTokenType.String, body["expires_on"].Type);
        Assert.InRange(expiresOn, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600, DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeSeconds());
        Assert.Equal("https://graph.microsoft.com", (string)body["resource"]);
        Assert.Equal("Bearer", (string)body["token_type"]);
        Assert.Equal("d0d0cafe-9abc-4def-8012-3456789abcde", (string)body["client_id"]);
        Assert.Equal(3, groups.Value.Count);
    }

    [Theory]
    [InlineData(null, "api-version=2019-08-01&resource=https%3A%2F%2Fgraph.microsoft.com", HttpStatusCode.Unauthorized)]
    [InlineData("wrong", "api-version=2019-08-01&resource=https%3A%2F%2Fgraph.microsoft.com", HttpStatusCode.Unauthorized)]
    [InlineData("emulator-identity-header", "api-version=2017-09-01&resource=https%3A%2F%2Fgraph.microsoft.com", HttpStatusCode.BadRequest)]
    [InlineData("emulator-identity-header", "api-version=2019-08-01", HttpStatusCode.BadRequest)]
    [InlineData("emulator-identity-header", "api-version=2019-08-01&resource=https%3A%2F%2Fgraph.microsoft.com&client_id=someone-else", HttpStatusCode.BadRequest)]
    public async Task ManagedIdentity_BadRequests_AreRejectedWithAMessage(string header, string query, HttpStatusCode expected)
    {
        var (status, body) = await RequestMsi(header, query);

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty((string)body["message"]));
    }
}
