using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Groups;

/// <summary>A ShareFile group named like the assigned one already holds 1,999 members: adding Grace and Katherine would pass 2,000.</summary>
public sealed class GroupOverflowTests : GroupSyncHarness
{
    protected override void Seed(ShareFileSeed seed)
    {
        var members = new List<string>();
        for (var i = 0; i < 1999; i++)
        {
            var email = $"member{i:0000}@fabrikam.example";
            seed.Users.Add(new SeedUser { Email = email, FirstName = "M", LastName = i.ToString(), Type = "Client" });
            members.Add(email);
        }
        seed.Groups.Add(new SeedGroup { Name = "ShareFile Users", Members = members });
    }

    [Fact]
    public async Task OverflowPolicySkip_ReportsTheGroupInThePlan_AndChangesNoMembers()
    {
        var (_, results) = await SyncAsync();

        Assert.Equal(SyncActionStatus.Success, Assert.Single(results, r => r.Action == PlanAction.AdoptGroup).Status);
        Assert.DoesNotContain(results, r => r.Action == PlanAction.AddMembers);
        Assert.Equal(1999, GroupNamed("ShareFile Users").MemberIds.Count);
    }

    [Fact]
    public async Task OverflowPolicySkip_PlanItemSaysWhy()
    {
        var plan = await PlanAsync();
        var skip = Assert.Single(plan.Items, i => i.ObjectType == PlanObjectType.Group && i.Action == PlanAction.Skip);
        Assert.Equal(SkipReason.GroupMemberLimit, skip.SkipReason);
        Assert.Contains("2001", skip.Reason);
        Assert.Contains("2000", skip.Reason);
    }

    [Fact]
    public async Task OverflowPolicyApplyWhatFits_AddsOnlyTheMembersThatFit()
    {
        Configuration.GroupProvisioning.OverflowPolicy = GroupOverflowPolicy.ApplyWhatFits;

        var (_, results) = await SyncAsync();

        var add = Assert.Single(results, r => r.Action == PlanAction.AddMembers);
        Assert.Equal(SyncActionStatus.Success, add.Status);
        Assert.Single(add.Item.Members);
        Assert.Equal(2000, GroupNamed("ShareFile Users").MemberIds.Count);
    }

    private async Task<ProvisioningPlan> PlanAsync() => (await PlanService.ComputeAsync(new PlanRequest
    {
        Source = Source, ShareFile = ShareFile, Configuration = Configuration, State = State, Subdomain = "acme", ProfileName = Profile.Name,
    }, System.Threading.CancellationToken.None)).Plan;
}

/// <summary>Two ShareFile groups carry the assigned group's name.</summary>
public sealed class GroupConflictTests : GroupSyncHarness
{
    protected override void Seed(ShareFileSeed seed)
    {
        seed.Groups.Add(new SeedGroup { Name = "ShareFile Users" });
        seed.Groups.Add(new SeedGroup { Name = "sharefile users" });
    }

    [Fact]
    public async Task SeveralShareFileGroupsWithTheName_AreAConflict_AndNothingIsCreated()
    {
        var (_, results) = await SyncAsync();

        Assert.DoesNotContain(results, r => r.ObjectType == PlanObjectType.Group && r.Status != SyncActionStatus.Skipped);   // a conflict sends nothing: it is reported as skipped
        Assert.Equal(2, Server.ShareFile.FindGroupsByName("ShareFile Users").Count);
        Assert.Null(await GroupLink(SfUsersGroup));
    }
}

/// <summary>Katherine must be a client but her domain is a strict employee domain: her user cannot be created.</summary>
public sealed class GroupMemberFailureTests : GroupSyncHarness
{
    protected override void Seed(ShareFileSeed seed)
    {
        seed.Account.Preferences.UseStrictEmployeeDefinition = true;
        seed.Account.Preferences.EmployeeEmailDomains = "contoso.example";
    }

    [Fact]
    public async Task AMemberWhoseUserFailsToProvision_IsLeftOut_AsAReferenceFailure_AndTheGroupIsStillCreated()
    {
        Configuration.UserType.Expression = "IIF([givenName]=\"Katherine\", \"Client\", \"Employee\")";

        var (summary, results) = await SyncAsync();

        var create = Assert.Single(results, r => r.Action == PlanAction.CreateGroup);
        Assert.Equal(SyncActionStatus.Success, create.Status);
        Assert.Equal(Katherine, Assert.Single(create.UnresolvedMembers).SourceId);
        Assert.Equal(new[] { "grace.hopper@contoso.example" }, MemberEmails(GroupNamed("ShareFile Users")));
        var record = new FileLogStore(Profile).ReadRecords(new ProvisioningLogQuery { CycleIds = new[] { summary.CycleId } })
            .Single(r => r.SourceIdentity.IdentityType == "Group");
        Assert.Equal(ProvisioningResult.Warning, record.ProvisioningStatusInfo.Status);
        Assert.Equal("UnableToResolveReferenceAttributeValue", record.ProvisioningStatusInfo.ErrorInformation.ErrorCode);
        Assert.Contains(record.ProvisioningSteps, s => s.ProvisioningStepType == ProvisioningStepType.ReferenceResolution);
    }
}
