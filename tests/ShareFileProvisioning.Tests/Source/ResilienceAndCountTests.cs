using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;
using Xunit.Abstractions;

namespace ShareFileProvisioning.Tests.Source;

public sealed class ThrottlingAndConnectionTestTests : SourceHarness
{
    [Fact]
    public async Task ThrottledGraph_SdkRetryHandlerWaitsRetryAfterAndTheReadSucceeds()
    {
        var source = await Connect();
        Server.Control.InjectFaults(429, 2, retryAfterSeconds: 1, pathPrefix: "/v1.0/servicePrincipals");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await source.ReadScopeAsync(Mapped, CancellationToken.None);

        Assert.Equal(5, result.Users.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited only {watch.Elapsed}");
        var quiet = await source.ReadScopeAsync(Mapped, CancellationToken.None);
        Assert.Equal(quiet.RequestCount + 2, result.RequestCount);   // the two throttled attempts were sent and counted
    }

    [Fact]
    public async Task UnavailableGraph_503IsRetriedByTheSdk()
    {
        var source = await Connect();
        Server.Control.InjectFaults(503, 1, retryAfterSeconds: 1, pathPrefix: "/v1.0/users");

        var result = await source.ReadScopeAsync(Mapped, CancellationToken.None);

        Assert.Equal(5, result.Users.Count);
    }

    [Fact]
    public async Task DroppedConnectionUnderARead_TheReadIsSentAgainAndSucceeds()
    {
        var source = await Connect();
        var quiet = await source.ReadScopeAsync(Mapped, CancellationToken.None);
        Server.Control.InjectFaults(new FaultRule { Kind = FaultKind.Drop, Count = 1, Method = "GET", PathPrefix = "/v1.0/servicePrincipals" });

        var result = await source.ReadScopeAsync(Mapped, CancellationToken.None);

        Assert.Equal(quiet.Users.Select(u => u.Id).OrderBy(i => i), result.Users.Select(u => u.Id).OrderBy(i => i));
        Assert.Equal(quiet.RequestCount + 1, result.RequestCount);   // the dropped attempt was sent and counted
    }

    [Fact]
    public async Task DroppedConnectionUnderABatch_TheEnvelopeIsSentAgainWithItsBody()
    {
        var source = await Connect();
        var quiet = await source.ReadFullAsync(Mapped, CancellationToken.None);
        Server.Control.InjectFaults(new FaultRule { Kind = FaultKind.Drop, Count = 1, Method = "POST", PathPrefix = "/v1.0/$batch" });
        Server.Control.ClearRequestLog();

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        Assert.Equal(2, Server.Control.CountOf("POST /v1.0/$batch"));   // the dropped envelope, then the one answered
        Assert.Equal(quiet.Groups.Select(g => g.Id).OrderBy(i => i), result.Groups.Select(g => g.Id).OrderBy(i => i));
        Assert.Equal(quiet.Users.Count, result.Users.Count);
    }

    [Fact]
    public async Task ConnectionTest_AllChecksPass_AndCountsAssignments()
    {
        var source = await Connect(SecretSignIn());

        var checks = await source.TestAsync(CancellationToken.None);

        Assert.All(checks, c => Assert.Equal(Engine.ShareFile.ConnectionCheckStatus.Passed, c.Status));
        Assert.Contains(checks, c => c.Name == "Permission User.Read.All");
        Assert.Contains("4 assignments (3 users, 1 groups)", checks.Single(c => c.Name == "Assignments").Message);
        Assert.Equal("Overall", checks.Last().Name);
    }

    [Fact]
    public async Task ConnectionTest_MissingUserReadAll_FailsThatCheckNamingThePermission()
    {
        var source = await Connect(TokenSignIn("no-user-read"));

        var checks = await source.TestAsync(CancellationToken.None);

        var users = checks.Single(c => c.Name == "Permission User.Read.All");
        Assert.Equal(Engine.ShareFile.ConnectionCheckStatus.Failed, users.Status);
        Assert.Contains("User.Read.All", users.Message);
        Assert.Equal(Engine.ShareFile.ConnectionCheckStatus.Passed, checks.Single(c => c.Name == "Permission GroupMember.Read.All").Status);
        Assert.Equal(Engine.ShareFile.ConnectionCheckStatus.Failed, checks.Last().Status);
    }
}

/// <summary>Graph request counts for a 10,000-user tenant, all assigned (the measurement).</summary>
public sealed class LargeTenantRequestCountTests : SourceHarness, IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _seed = Path.Combine(Path.GetTempPath(), $"graph-10k-{Guid.NewGuid():N}.json");

    public LargeTenantRequestCountTests(ITestOutputHelper output)
    {
        _output = output;
        GraphSeedGenerator.Save(GraphSeedGenerator.Create(10_000, groups: 10, membersPerGroup: 100), _seed);
    }

    protected override EmulatorOptions Options => new() { GraphSeedPath = _seed };

    public void Dispose() => File.Delete(_seed);

    [Fact]
    public async Task FullReadListsTheTenant_IncrementalReadOfOneChangeNeedsAHandfulOfRequests()
    {
        var source = await Connect();
        Server.Control.ClearRequestLog();

        var full = await source.ReadFullAsync(Mapped, CancellationToken.None);
        var fullOnTheWire = Server.Control.TotalRequests;
        var someone = full.Users.First(u => !u.IsSoftDeleted).Id;
        Server.Graph.UpdateUser(someone, "department", "Changed");
        Server.Control.ClearRequestLog();
        var incremental = await source.ReadChangesAsync(full.Watermark, Mapped, CancellationToken.None);

        _output.WriteLine($"Full read: {full.Users.Count} users, {full.Groups.Count} groups, {full.RequestCount} Graph requests.");
        _output.WriteLine($"Incremental read of one change: {incremental.RequestCount} Graph requests.");
        Assert.Equal(fullOnTheWire, full.RequestCount);
        Assert.Equal(Server.Control.TotalRequests, incremental.RequestCount);
        Assert.Equal(10_000, full.Users.Count);
        // 2 delta links + 11 assignment pages (10,001 assignments) + 1 member page + 11 tenant pages; by id it would be 667.
        Assert.True(full.RequestCount < 30, $"full read took {full.RequestCount} requests");
        var change = Assert.Single(incremental.UserChanges);
        Assert.Equal(someone, change.UserId);
        Assert.Equal(ScopeChangeKind.Changed, change.Kind);
        Assert.True(incremental.RequestCount < 20, $"incremental read took {incremental.RequestCount} requests");
    }
}

/// <summary>A small scope in a big tenant is read by id instead of listing the tenant.</summary>
public sealed class SmallScopeInLargeTenantTests : SourceHarness, IDisposable
{
    private readonly string _seed = Path.Combine(Path.GetTempPath(), $"graph-10k-1pct-{Guid.NewGuid():N}.json");

    public SmallScopeInLargeTenantTests() =>
        GraphSeedGenerator.Save(GraphSeedGenerator.Create(10_000, assignedUserPercent: 1), _seed);

    protected override EmulatorOptions Options => new() { GraphSeedPath = _seed };

    public void Dispose() => File.Delete(_seed);

    [Fact]
    public async Task UsersAreReadByIdBatches_NotByListingTheTenant()
    {
        var source = await Connect();
        var assigned = Server.Graph.GetAssignments().Count(a => a.PrincipalType == "User");

        var result = await source.ReadScopeAsync(Mapped, CancellationToken.None);

        Assert.Equal(assigned, result.Users.Count);
        var assignmentPages = (assigned + 998) / 999;
        var tenantPages = (10_000 + 998) / 999;
        // One counted tenant page decides, then the rest by id (15 per request): fewer than listing every page.
        Assert.True(result.RequestCount <= assignmentPages + 1 + (assigned + 14) / 15, $"{result.RequestCount} requests");
        Assert.True(result.RequestCount < assignmentPages + tenantPages, $"{result.RequestCount} requests");
    }
}
