using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.Hosting;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The /_emulator/ control surface and its in-process twin: faults, latency, request log, state, reset.</summary>
public sealed class ControlSurfaceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    private Task<SfResult> ControlAsync(string method, string path, string json = null) =>
        Sf.SendAsync(method, "_emulator/" + path, null, json == null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task D15_injected_429_carries_Retry_After_and_the_Throttled_body_then_clears_after_count()
    {
        var token = await AdminTokenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("POST", "faults", "{\"status\":429,\"count\":2,\"retryAfterSeconds\":1,\"pathPrefix\":\"/sf/v3\"}")).Status);

        var first = await Sf.GetAsync("sf/v3/Users", token);
        var second = await Sf.GetAsync("sf/v3/Users", token);
        var third = await Sf.GetAsync("sf/v3/Users", token);

        Assert.Equal((HttpStatusCode)429, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter.Delta);
        Assert.Equal("TooManyRequests", first.Code);
        Assert.Equal("Throttled", first.Reason);
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Path_prefix_limits_a_fault_to_matching_routes()
    {
        await ControlAsync("POST", "faults", "{\"status\":503,\"pathPrefix\":\"/sf/v3/Groups\"}");
        var token = await AdminTokenAsync(); // /oauth/token unaffected
        var groups = await Sf.GetAsync("sf/v3/Groups", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, groups.Status);
        Assert.Equal("ServiceUnavailable", groups.Reason);
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", token)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("DELETE", "faults")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Groups", token)).Status);
    }

    [Fact]
    public async Task Fraction_fails_that_share_of_requests_deterministically()
    {
        var token = await AdminTokenAsync();
        await ControlAsync("POST", "faults", "{\"status\":500,\"fraction\":0.25}");
        var statuses = new System.Collections.Generic.List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await Sf.GetAsync("sf/v3/Users", token)).Status);

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.InternalServerError));
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Drop_fault_aborts_the_connection()
    {
        var token = await AdminTokenAsync();
        await ControlAsync("POST", "faults", "{\"kind\":\"drop\",\"count\":1}");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sf.GetAsync("sf/v3/Users", token));
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", token)).Status);
    }

    [Fact]
    public async Task Maintenance_fault_redirects_to_the_maintenance_host()
    {
        var token = await AdminTokenAsync();
        await ControlAsync("POST", "faults", "{\"kind\":\"maintenance\",\"count\":1}");
        using var noRedirect = new SfHttp(Server.BaseUri, followRedirects: false);

        var r = await noRedirect.GetAsync("sf/v3/Users", token);

        Assert.Equal(HttpStatusCode.Found, r.Status);
        Assert.Equal(new Uri("http://maintenance.sharefile.com/"), r.Headers.Location);
    }

    [Fact]
    public async Task Invalid_fault_rule_is_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await ControlAsync("POST", "faults", "{\"status\":200}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ControlAsync("POST", "faults", "{\"stauts\":500}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ControlAsync("POST", "faults", "not json")).Status);
    }

    [Fact]
    public async Task Control_routes_are_never_faulted_or_logged()
    {
        Server.Control.InjectFaults(new FaultRule { Status = 503 });
        var state = await ControlAsync("GET", "state");
        var requests = await ControlAsync("GET", "requests");

        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Equal(0, (int)requests.Body["total"]);
    }

    [Fact]
    public async Task Latency_delays_api_requests()
    {
        var token = await AdminTokenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("POST", "latency", "{\"milliseconds\":300}")).Status);
        var watch = Stopwatch.StartNew();
        await Sf.GetAsync("sf/v3/Users", token);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(TimeSpan.FromMilliseconds(300), Server.Control.Latency);

        // Turned off again (the setting, not a wall-clock bound: a busy machine can take 300 ms on its own).
        Server.Control.SetLatency(0);
        Assert.Equal(TimeSpan.Zero, Server.Control.Latency);
        Assert.Equal(HttpStatusCode.OK, (await Sf.GetAsync("sf/v3/Users", token)).Status);
    }

    [Fact]
    public async Task Request_log_counts_by_method_and_route_template_including_overrides_and_faults()
    {
        var token = await AdminTokenAsync();
        var ada = IdOf("ada.lovelace@acme.com");
        await Sf.GetAsync("sf/v3/Accounts/Employees?$top=1", token);
        await Sf.GetAsync("sf/v3/Accounts/Employees?$top=1&$skip=1", token);
        await Sf.GetAsync($"sf/v3/Users({ada})", token);
        await Sf.GetAsync("sf/v3/Users?emailaddress=ada.lovelace@acme.com", token);
        await Sf.SendJsonAsync("POST", $"sf/v3/Users({ada})", token, "{\"LastName\":\"X\"}", "PATCH");
        Server.Control.InjectFaults(429, 1);
        await Sf.GetAsync("sf/v3/Groups", token);

        var log = await ControlAsync("GET", "requests");
        var counts = (JObject)log.Body["counts"];
        Assert.Equal(7, (int)log.Body["total"]);
        Assert.Equal(1, (int)counts["POST /oauth/token"]);
        Assert.Equal(2, (int)counts["GET /sf/v3/Accounts/Employees"]);
        Assert.Equal(1, (int)counts["GET /sf/v3/Users(id)"]);
        Assert.Equal(1, (int)counts["GET /sf/v3/Users?emailaddress="]);
        Assert.Equal(1, (int)counts["PATCH /sf/v3/Users(id)"]);
        Assert.Equal(1, Server.Control.CountOf("GET /sf/v3/Groups"));

        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("DELETE", "requests")).Status);
        Assert.Equal(0, Server.Control.TotalRequests);
    }

    [Fact]
    public async Task State_dump_shows_users_groups_and_account_without_secrets()
    {
        var r = await ControlAsync("GET", "state");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("acme", (string)r.Body["account"]["subdomain"]);
        Assert.Contains("ada.lovelace@acme.com", r.Body["users"].Select(u => (string)u["email"]));
        Assert.Equal(new[] { "ada.lovelace@acme.com", "alan.turing@acme.com" }, r.Body["groups"][0]["members"].Values<string>());
        Assert.DoesNotContain("P@ssw0rd", r.Text);
        Assert.DoesNotContain("sfp-demo-secret", r.Text);
    }

    [Fact]
    public async Task Reset_restores_the_seed_and_clears_faults_latency_and_log()
    {
        var token = await AdminTokenAsync();
        await Sf.SendAsync("DELETE", $"sf/v3/Users({IdOf("bob.smith@partner.com")})?completely=true", token);
        Server.Control.SetLatency(50);
        Server.Control.InjectFaults(new FaultRule { Status = 503, PathPrefix = "/nothing" });

        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("POST", "reset")).Status);

        Assert.NotNull(Server.ShareFile.FindUser("bob.smith@partner.com"));
        Assert.Equal(TimeSpan.Zero, Server.Control.Latency);
        Assert.Equal(0, Server.Control.TotalRequests);
        // Tokens issued before the reset are gone too.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sf.GetAsync("sf/v3/Users", token)).Status);
    }

    [Fact]
    public async Task Token_lifetime_can_be_changed_over_http()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await ControlAsync("POST", "sharefile/token-lifetime", "{\"seconds\":2}")).Status);
        var r = await Sf.PasswordGrantAsync(AdminEmail, AdminPassword);
        Assert.Equal(2, (int)r.Body["expires_in"]);
    }

    [Fact]
    public async Task Faults_also_hit_non_sharefile_routes()
    {
        Server.Control.InjectFaults(new FaultRule { Status = 429, Count = 1, RetryAfterSeconds = 2, PathPrefix = "/v1.0" });
        var r = await Sf.SendAsync("GET", "v1.0/users");
        Assert.Equal((HttpStatusCode)429, r.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), r.Headers.RetryAfter.Delta);
        Assert.Equal("TooManyRequests", (string)r.Body["error"]["code"]);
    }
}
