using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Tests.Graph;

/// <summary>
/// Direct members of many groups through the engine's GraphGateway (the real SDK's BatchRequestContent) against the
/// emulator's $batch: 45 groups of 10 users, and one group of 1,500 members (two pages of 999).
/// </summary>
public sealed class GroupMemberBatchTests : GraphEmulatorHarness, IDisposable
{
    private const int SmallGroups = 45;
    private const string Batch = "POST /v1.0/$batch";
    private const string StepRoute = "GET /v1.0/groups/{id}/members in $batch";
    private readonly string _seedPath = Path.Combine(Path.GetTempPath(), $"graph-batch-{Guid.NewGuid():N}.json");
    private readonly GraphSeed _seed;

    public GroupMemberBatchTests()
    {
        _seed = GraphSeedGenerator.Create(1_500);
        for (var g = 0; g < SmallGroups; g++)
            _seed.Groups.Add(new GraphGroupSeed
            {
                Id = Guid.NewGuid().ToString(), DisplayName = $"Small {g:D2}", MailNickname = $"small{g:D2}",
                Members = _seed.Users.Skip(g * 10).Take(10).Select(u => u.Id).ToList(),
            });
        _seed.Groups.Add(new GraphGroupSeed { Id = Guid.NewGuid().ToString(), DisplayName = "Everyone", MailNickname = "everyone", Members = _seed.Users.Select(u => u.Id).ToList() });
        GraphSeedGenerator.Save(_seed, _seedPath);
    }

    protected override EmulatorOptions Options => new() { GraphSeedPath = _seedPath };

    public void Dispose() => File.Delete(_seedPath);

    private GraphGateway Gateway() => new(Client, new Uri(Server.BaseUri + "v1.0"));

    private List<GraphGroupSeed> Small => _seed.Groups.Take(SmallGroups).ToList();

    private GraphGroupSeed Everyone => _seed.Groups.Last();

    [Fact]
    public async Task MembersOfManyGroups_TravelTwentyStepsPerBatch_NoStandaloneMemberReads()
    {
        Server.Control.ClearRequestLog();

        var reads = await Gateway().ListDirectMembersAsync(Small.Select(g => g.Id), 16, CancellationToken.None);

        Assert.All(Small, g => Assert.Equal(g.Members.OrderBy(i => i), reads[g.Id].Users.OrderBy(i => i)));
        Assert.All(reads.Values, r => Assert.Null(r.Error));
        Assert.True(Server.Control.CountOf(Batch) <= (SmallGroups + 19) / 20, $"{Server.Control.CountOf(Batch)} batch requests for {SmallGroups} groups");
        Assert.Equal(SmallGroups, Server.Control.CountOf(StepRoute));
        Assert.Equal(0, Server.Control.CountOf("GET /v1.0/groups/{id}/members"));
        Assert.Equal(Server.Control.CountOf(Batch), Server.Control.TotalRequests);   // steps are not requests on the wire
    }

    [Fact]
    public async Task ThrottledStep_IsRetriedAfterItsOwnRetryAfter_AndTheReadSucceeds()
    {
        var victim = Small[7];
        Server.Control.InjectFaults(new FaultRule { Status = 429, Count = 1, RetryAfterSeconds = 2, PathPrefix = $"/v1.0/groups/{victim.Id}/members" });
        Server.Control.ClearRequestLog();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var reads = await Gateway().ListDirectMembersAsync(Small.Select(g => g.Id), 16, CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"retried after only {watch.Elapsed}");
        Assert.Null(reads[victim.Id].Error);
        Assert.Equal(victim.Members.OrderBy(i => i), reads[victim.Id].Users.OrderBy(i => i));
        Assert.Equal(SmallGroups + 1, Server.Control.CountOf(StepRoute));              // only the throttled step was sent again
        Assert.Equal((SmallGroups + 19) / 20 + 1, Server.Control.CountOf(Batch));      // in a batch of its own
    }

    [Fact]
    public async Task FailingStep_FailsOnlyThatGroupsRead_NamingTheGroupAndTheStatus()
    {
        var victim = Small[3];
        Server.Control.InjectFaults(new FaultRule { Status = 500, PathPrefix = $"/v1.0/groups/{victim.Id}/members" });

        var reads = await Gateway().ListDirectMembersAsync(Small.Select(g => g.Id), 16, CancellationToken.None);

        var error = reads[victim.Id].Error;
        Assert.NotNull(error);
        Assert.Contains(victim.Id, error.Message);
        Assert.Equal(500, error.StatusCode);
        Assert.Empty(reads[victim.Id].Users);
        Assert.All(Small.Where(g => g.Id != victim.Id), g =>
        {
            Assert.Null(reads[g.Id].Error);
            Assert.Equal(g.Members.OrderBy(i => i), reads[g.Id].Users.OrderBy(i => i));
        });
    }

    [Fact]
    public async Task NextLinkInsideAStep_IsFollowedAsAnotherStep()
    {
        Server.Control.ClearRequestLog();

        var reads = await Gateway().ListDirectMembersAsync(new[] { Everyone.Id, Small[0].Id }, 16, CancellationToken.None);

        Assert.Equal(1_500, reads[Everyone.Id].Users.Distinct().Count());
        Assert.Equal(3, Server.Control.CountOf(StepRoute));     // Everyone's two pages and Small 00's one
        Assert.Equal(2, Server.Control.CountOf(Batch));         // the second page could only be asked after the first
    }
}
