using System.Linq;
using System.Net;
using System.Threading;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Graph;
using ShareFileProvisioning.Engine.Source.Scope;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// A service that serves a next link twice would make a listing endless; one that links to another host would get
/// the bearer token sent there. Both pagers (Graph, ShareFile) refuse either before requesting it.
/// </summary>
public sealed class PageLinkAttackTests
{
    private const string SpId = "5b2c0d1e-0000-4b7c-a6d5-e4f3a2b1c0d9";

    private static string Page(string nextName, string next, string extra = "") =>
        new JObject { ["value"] = new JArray(), [nextName] = next }.ToString().TrimEnd('}') + extra + "}";

    /// <summary>Graph serving the app, and the assignment listing (or the users delta) whose second page links to <paramref name="secondNext"/>.</summary>
    private static ScriptedServer HostileGraph(Func<Uri, string> secondNext, bool hostileDelta = false, Func<Uri, string> groupsDeltaLink = null) => ScriptedServer.Start((req, self) =>
    {
        var path = req.Url!.AbsolutePath;
        if (path.EndsWith("/servicePrincipals/" + SpId))
            return (200, new JObject { ["id"] = SpId, ["appId"] = "app", ["displayName"] = "Citrix ShareFile", ["appRoles"] = new JArray() }.ToString());
        if (path.EndsWith("/appRoleAssignedTo") && hostileDelta)
            return (200, "{\"value\":[]}");
        if (path.EndsWith("/appRoleAssignedTo"))
            return (200, Page("@odata.nextLink", req.Url.Query.Contains("page=2") ? secondNext(self) : self + $"v1.0/servicePrincipals/{SpId}/appRoleAssignedTo?page=2"));
        if (path.EndsWith("/users/delta"))
            return (200, Page("@odata.nextLink", req.Url.Query.Contains("page=2") ? secondNext(self) : self + "v1.0/users/delta?page=2"));
        if (path.EndsWith("/groups/delta"))
            return (200, Page("@odata.deltaLink", groupsDeltaLink?.Invoke(self) ?? self + "v1.0/groups/delta?$deltatoken=g2"));
        return (404, "{}");
    });

    private static Task<EntraSource> ConnectAsync(ScriptedServer graph) => EntraSource.ConnectAsync(
        new SourceSignInSettings { AccessToken = Secure("any-token"), GraphBaseUri = new Uri(graph.BaseUri, "v1.0") },
        new SourceAppSelector { ServicePrincipalId = SpId }, null, CancellationToken.None);

    [Fact]
    public async Task Graph_listing_that_repeats_its_next_link_is_refused_after_two_pages()
    {
        using var graph = HostileGraph(self => self + $"v1.0/servicePrincipals/{SpId}/appRoleAssignedTo?page=2");
        using var source = await ConnectAsync(graph);

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadScopeAsync(new SourceReadOptions(), CancellationToken.None));

        Assert.Contains("repeated", e.Message);
        Assert.Equal(2, graph.Requests.Count(r => r.Contains("/appRoleAssignedTo")));
    }

    [Fact]
    public async Task Graph_listing_whose_next_link_points_at_another_host_sends_that_host_nothing()
    {
        using var other = ScriptedServer.Bystander();
        using var graph = HostileGraph(_ => other.BaseUri + $"v1.0/servicePrincipals/{SpId}/appRoleAssignedTo?page=3");
        using var source = await ConnectAsync(graph);

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadScopeAsync(new SourceReadOptions(), CancellationToken.None));

        Assert.Contains(other.BaseUri.GetLeftPart(UriPartial.Authority), e.Message);
        Assert.Empty(other.Requests);
    }

    /// <summary>Delta links on the hostile server itself, for the attributes the read asks for.</summary>
    private static SourceWatermark WatermarkOn(ScriptedServer graph, SourceReadOptions options) => new()
    {
        UsersDeltaLink = graph.BaseUri + "v1.0/users/delta?$deltatoken=u1",
        GroupsDeltaLink = graph.BaseUri + "v1.0/groups/delta?$deltatoken=g1",
        Attributes = UserSelect.Build(options.Attributes),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Graph_delta_read_with_a_repeated_or_foreign_next_link_is_refused(bool foreign)
    {
        using var other = ScriptedServer.Bystander();
        using var graph = HostileGraph(self => (foreign ? other.BaseUri : self) + "v1.0/users/delta?page=2", hostileDelta: true);
        using var source = await ConnectAsync(graph);
        var options = new SourceReadOptions { Attributes = new[] { "mail" } };
        var watermark = WatermarkOn(graph, options);

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadChangesAsync(watermark, options, CancellationToken.None));

        Assert.Contains(foreign ? "outside the configured" : "repeated", e.Message);
        Assert.Empty(other.Requests);
        Assert.Equal(2, graph.Requests.Count(r => r.Contains("/users/delta")));
    }

    [Fact]
    public async Task Graph_delta_link_handed_back_for_another_host_is_refused_instead_of_stored()
    {
        using var other = ScriptedServer.Bystander();
        using var graph = HostileGraph(_ => null, hostileDelta: true, groupsDeltaLink: _ => other.BaseUri + "v1.0/groups/delta?$deltatoken=stolen");
        using var source = await ConnectAsync(graph);
        var options = new SourceReadOptions { Attributes = new[] { "mail" } };
        var watermark = WatermarkOn(graph, options);

        var e = await Assert.ThrowsAsync<StoredLinkRejectedException>(() => source.ReadChangesAsync(watermark, options, CancellationToken.None));

        Assert.Contains("returned a delta link", e.Message);
        Assert.Empty(other.Requests);
    }

    /// <summary>ShareFile's token endpoint and an employee feed whose second page links to <paramref name="secondNext"/>.</summary>
    private static ScriptedServer HostileShareFile(Func<Uri, string> secondNext) => ScriptedServer.Start((req, self) =>
    {
        var path = req.Url!.AbsolutePath;
        if (path == "/oauth/token")
            return (200, new JObject { ["access_token"] = "tok", ["refresh_token"] = "r", ["expires_in"] = 3600, ["subdomain"] = "acme", ["apicp"] = "sf-api.com", ["appcp"] = "sharefile.com" }.ToString());
        if (path == "/sf/v3/Accounts/Employees")
            return (200, Page("odata.nextLink", req.Url.Query.Contains("page=2") ? secondNext(self) : self + "sf/v3/Accounts/Employees?page=2"));
        return (404, "{}");
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ShareFile_feed_with_a_repeated_or_foreign_next_link_is_refused_and_the_other_host_sees_nothing(bool foreign)
    {
        using var other = ScriptedServer.Bystander();
        using var shareFile = HostileShareFile(self => (foreign ? other.BaseUri : self) + "sf/v3/Accounts/Employees?page=2");
        using var client = new ShareFileClient(Settings(shareFile.BaseUri), FastOptions());

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ListEmployeesAsync(null, CancellationToken.None));

        Assert.Contains(foreign ? "outside" : "repeated", e.Message);
        Assert.Empty(other.Requests);
        Assert.Equal(2, shareFile.Requests.Count(r => r.Contains("/Accounts/Employees")));
    }
}
