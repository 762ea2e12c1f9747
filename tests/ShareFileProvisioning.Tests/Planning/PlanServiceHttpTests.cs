using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Pipeline;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Configuration;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Planning;

/// <summary>PlanService over real HTTP: the Graph and ShareFile emulators in-process, the engine's clients against them.</summary>
public sealed class PlanServiceHttpTests : IAsyncLifetime
{
    // seeds/graph-default.json
    private const string Ada = "0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01";
    private const string Alan = "1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02";
    private const string Grace = "2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03";
    private const string Katherine = "3d9e6f4a-4444-4b5c-9d6e-7f8a9b0c1d04";
    private const string Dennis = "6ac19c7d-7777-4e8f-8a9b-0c1d2e3f4a07";

    private readonly TempDirectory _dir = new();
    private EmulatorServer _server;
    private EntraSource _source;
    private ShareFileClient _shareFile;

    public async Task InitializeAsync()
    {
        var seed = ShareFileSeed.Default();
        seed.Users.Add(new SeedUser { Email = "ada.lovelace@contoso.example", FirstName = "Ada", LastName = "Byron", Company = "Contoso" });
        seed.Users.Add(new SeedUser { Email = "Alan.Turing@contoso.example", FirstName = "Alan", LastName = "Turing", Company = "Contoso" });
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed });
        _source = await ShareFileTestKit.EntraAsync(_server);
        _shareFile = ShareFileTestKit.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _source.Dispose();
        _shareFile.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private PlanRequest Request(IProvisioningSource source = null, bool full = false, string single = null) => new()
    {
        Source = source ?? _source, ShareFile = _shareFile, Configuration = ProvisioningConfiguration.CreateDefault(),
        State = new FileStateStore(_dir.Combine("state")), Watermarks = new FileSourceWatermarkStore(_dir.Combine("state")),
        ProfileName = "acme", Full = full, SingleUser = single,
    };

    [Fact]
    public async Task InitialPlan_AdoptsMatchingAccounts_CreatesTheRest_AndSkipsTheDisabledUser()
    {
        var result = await PlanService.ComputeAsync(Request(), CancellationToken.None);
        var plan = result.Plan;

        Assert.Equal(PlanCycleType.Initial, plan.Summary.CycleType);
        var ada = plan.Items.Single(i => i.SourceId == Ada);
        Assert.Equal(PlanAction.Adopt, ada.Action);
        Assert.Equal(("Byron", "Lovelace"), (ada.Changes.Single().OldValue, ada.Changes.Single().NewValue));
        var alan = plan.Items.Single(i => i.SourceId == Alan);
        Assert.Equal(PlanAction.Adopt, alan.Action);
        Assert.Empty(alan.Changes);   // the email differs in case only
        Assert.Equal(PlanAction.Create, plan.Items.Single(i => i.SourceId == Grace).Action);
        Assert.Equal(PlanAction.Create, plan.Items.Single(i => i.SourceId == Katherine).Action);
        Assert.Equal(SkipReason.NotProvisionedDisabled, plan.Items.Single(i => i.SourceId == Dennis).SkipReason);
        Assert.Equal(50, plan.Summary.Licence.UserMax);
        Assert.Equal(2, plan.Summary.Licence.Added);
        Assert.True(plan.Summary.UnmanagedCount >= 7);   // the seed's acme.com accounts
        Assert.NotNull(plan.Basis.NextWatermark?.UsersDeltaLink);
        // Two listings, account, preferences (+ the token); per-user lookups only when the feeds leave the state out
        // (SFP_EMULATOR_OMIT_FEED_STATE), and then only for the two users being adopted.
        Assert.Equal(_server.ShareFile.Feeds.OmitFeedState ? 2 : 0, result.Timings.UserStateLookups);
        Assert.InRange(result.Timings.TargetRequests - result.Timings.UserStateLookups, 4, 5);
    }

    [Fact]
    public async Task PlanComputesNothingIntoShareFileOrTheState()
    {
        await PlanService.ComputeAsync(Request(), CancellationToken.None);

        var counts = await ShareFileTestKit.RequestCountsAsync(_server);
        // A $batch envelope is a POST that carries reads; its steps are logged with their own methods ("GET … in $batch").
        Assert.DoesNotContain(counts.Keys, k => !k.StartsWith("GET ") && !k.Contains("oauth") && k != "POST /v1.0/$batch");
        Assert.False(System.IO.Directory.Exists(_dir.Combine("state")) && System.IO.Directory.EnumerateFiles(_dir.Combine("state")).Any());
    }

    [Fact]
    public async Task SavedPlan_IsStale_OnceShareFileChanges()
    {
        var saved = (await PlanService.ComputeAsync(Request(), CancellationToken.None)).Plan;
        var same = (await PlanService.ComputeAsync(Request(), CancellationToken.None)).Plan;
        Assert.Empty(PlanStaleness.Compare(saved, same));

        var ada = await _shareFile.FindUserByEmailAsync("ada.lovelace@contoso.example", false, CancellationToken.None);
        await _shareFile.UpdateUserAsync(ada.Id, new Engine.ShareFile.Models.SfUserUpdate { LastName = "Lovelace" }, CancellationToken.None);
        var fresh = (await PlanService.ComputeAsync(Request(), CancellationToken.None)).Plan;

        Assert.Equal(new[] { "ShareFile users changed" }, PlanStaleness.Compare(saved, fresh));
        Assert.Empty(fresh.Items.Single(i => i.SourceId == Ada).Changes);
    }

    [Fact]
    public async Task IncrementalPlan_CoversOnlyTheChangedUsers_WithTargetedShareFileReads()
    {
        var first = (await PlanService.ComputeAsync(Request(), CancellationToken.None)).Plan;
        await new FileSourceWatermarkStore(_dir.Combine("state")).SaveAsync(first.Basis.NextWatermark, CancellationToken.None);
        var adaTarget = first.Items.Single(i => i.SourceId == Ada).TargetId;
        var alanTarget = first.Items.Single(i => i.SourceId == Alan).TargetId;
        await new FileStateStore(_dir.Combine("state")).SaveLinksAsync(new[]
        {
            new ObjectLink { SourceId = Ada, TargetId = adaTarget, ObjectType = LinkedObjectType.User, LinkedAt = DateTimeOffset.UtcNow },
            new ObjectLink { SourceId = Alan, TargetId = alanTarget, ObjectType = LinkedObjectType.User, LinkedAt = DateTimeOffset.UtcNow },
        }, CancellationToken.None);

        _server.Graph.UpdateUser(Ada, "surname", "King");
        _server.Graph.Unassign(Alan);
        var result = await PlanService.ComputeAsync(Request(), CancellationToken.None);
        var plan = result.Plan;

        Assert.Equal(PlanCycleType.Incremental, plan.Summary.CycleType);
        Assert.Equal(first.Basis.NextWatermark.UsersDeltaLink, plan.Basis.UsersDeltaLinkUsed);
        var ada = plan.Items.Single(i => i.SourceId == Ada);
        Assert.Equal(PlanAction.Update, ada.Action);
        Assert.Equal(("Byron", "King"), (ada.Changes.Single().OldValue, ada.Changes.Single().NewValue));
        Assert.Equal(PlanAction.Disable, plan.Items.Single(i => i.SourceId == Alan).Action);
        Assert.DoesNotContain(plan.Items, i => i.SourceId == Grace);
        Assert.True(result.Timings.TargetRequests <= 2 + 2 * 2, $"{result.Timings.TargetRequests} ShareFile requests");
    }

    [Fact]
    public async Task SingleUserPlan_PlansOnlyThatUser()
    {
        var result = await PlanService.ComputeAsync(Request(single: "katherine.johnson@contoso.example"), CancellationToken.None);

        var item = Assert.Single(result.Plan.Items);
        Assert.Equal(Katherine, item.SourceId);
        Assert.Equal(PlanAction.Create, item.Action);
        Assert.Equal(0, result.Plan.Summary.UnmanagedCount);
        Assert.Equal("katherine.johnson@contoso.example", result.Plan.Basis.SingleObject);
    }

    [Fact]
    public async Task SingleUserPlan_ForSomeoneOutOfScope_SaysSo()
    {
        var result = await PlanService.ComputeAsync(Request(single: "nobody@contoso.example"), CancellationToken.None);

        Assert.Empty(result.Plan.Items);
        Assert.Contains("not in scope", result.Notes[0]);
        Assert.True(result.Notes.Count > 1, "the source's explanation follows");
    }

    [Fact]
    public async Task PipelineRows_ArePlannedAgainstShareFile()
    {
        var rows = new List<IDictionary<string, object>>
        {
            new Dictionary<string, object> { ["userPrincipalName"] = "ada.lovelace@contoso.example", ["givenName"] = "Ada", ["surname"] = "Lovelace", ["companyName"] = "Contoso" },
            new Dictionary<string, object> { ["userPrincipalName"] = "new.person@contoso.example", ["givenName"] = "New", ["surname"] = "Person" },
        };

        var plan = (await PlanService.ComputeAsync(Request(new PipelineSource(rows)), CancellationToken.None)).Plan;

        Assert.Equal("Pipeline", plan.Basis.SourceName);
        Assert.Equal(PlanAction.Adopt, plan.Items.Single(i => i.SourceAnchor == "ada.lovelace@contoso.example").Action);
        Assert.Equal(PlanAction.Create, plan.Items.Single(i => i.SourceAnchor == "new.person@contoso.example").Action);
    }

    [Fact]
    public async Task PipelineRows_NeverDeprovisionLinkedUsersThatAreNotPiped()
    {
        var alan = await _shareFile.FindUserByEmailAsync("alan.turing@contoso.example", false, CancellationToken.None);
        await new FileStateStore(_dir.Combine("state")).SaveLinksAsync(new[]
        {
            new ObjectLink { SourceId = "alan.turing@contoso.example", TargetId = alan.Id, ObjectType = LinkedObjectType.User, LinkedAt = DateTimeOffset.UtcNow },
        }, CancellationToken.None);
        var rows = new List<IDictionary<string, object>> { new Dictionary<string, object> { ["userPrincipalName"] = "new.person@contoso.example" } };

        var plan = (await PlanService.ComputeAsync(Request(new PipelineSource(rows)), CancellationToken.None)).Plan;

        var item = Assert.Single(plan.Items);
        Assert.Equal("new.person@contoso.example", item.SourceId);
        Assert.Equal(0, plan.Summary.Threshold.Deprovisioning);
    }
}
