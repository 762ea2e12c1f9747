using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class SummaryTests
{
    [Fact]
    public void LicenceForecast_RefusesEmployeesBeyondUserMax_InSourceIdOrder()
    {
        var kit = new PlanKit().Add(User("s3", "c@contoso.example")).Add(User("s1", "a@contoso.example")).Add(User("s2", "b@contoso.example"));
        kit.Target.UserMax = 3;
        kit.Sf("e1", "one@acme.com");
        kit.Sf("e2", "two@acme.com");
        kit.Sf("c1", "client@partner.com", employee: false);

        var plan = kit.Plan();
        var licence = plan.Summary.Licence;

        Assert.Equal(PlanAction.Create, ItemOf(plan, "s1").Action);
        Assert.Equal(SkipReason.LicenceLimit, ItemOf(plan, "s2").SkipReason);
        Assert.Equal(SkipReason.LicenceLimit, ItemOf(plan, "s3").SkipReason);
        Assert.Equal((3, 2, 1, 2, 3), (licence.UserMax.Value, licence.EmployeesNow, licence.Added, licence.Refused, licence.EmployeesAfter));
        Assert.True(licence.WouldExceed);
    }

    [Fact]
    public void LicenceForecast_WithoutACap_NeverRefuses()
    {
        var kit = new PlanKit().Add(User("s1", "a@contoso.example"));

        var licence = kit.Plan().Summary.Licence;

        Assert.Null(licence.UserMax);
        Assert.Equal(1, licence.Added);
        Assert.False(licence.WouldExceed);
    }

    [Fact]
    public void ClientCreationOnAStrictEmployeeDomain_IsFlaggedAndSkipped_OtherDomainsAreCreated()
    {
        var kit = new PlanKit().Add(User("s1", "bob@acme.com")).Add(User("s2", "carol@partner.com"));
        kit.Config.UserType.Default = UserKind.Client;
        kit.Target.UseStrictEmployeeDefinition = true;
        kit.Target.EmployeeEmailDomains.Add("acme.com");

        var plan = kit.Plan();

        var bob = ItemOf(plan, "s1");
        Assert.Equal(SkipReason.ClientMustBeCreatedAsEmployee, bob.SkipReason);
        Assert.Contains("acme.com", bob.Reason);
        Assert.Equal(PlanAction.Create, ItemOf(plan, "s2").Action);
        Assert.Equal(UserKind.Client, ItemOf(plan, "s2").Desired.UserType);
        Assert.Equal(1, plan.Summary.StrictEmployeeDomainClients);
        Assert.Null(ItemOf(plan, "s2").Desired.CanCreateFolders);
    }

    [Fact]
    public void ThresholdCheck_ComparesDeprovisioningWithTheCount()
    {
        var kit = new PlanKit();
        for (var i = 0; i < 3; i++)
        {
            kit.Link($"s{i}", $"t{i}");
            kit.Sf($"t{i}", $"u{i}@contoso.example");
        }
        kit.Config.DeletionThreshold.Count = 2;

        var threshold = kit.Plan().Summary.Threshold;

        Assert.Equal((3, 2, true), (threshold.Deprovisioning, threshold.EffectiveLimit, threshold.Exceeded));
    }

    [Fact]
    public void ThresholdCheck_PercentOfManagedAccountsWinsWhenLower()
    {
        var kit = new PlanKit();
        for (var i = 0; i < 10; i++)
        {
            kit.Link($"s{i}", $"t{i}");
            kit.Sf($"t{i}", $"u{i}@contoso.example");
            if (i >= 2) kit.Add(User($"s{i}", $"u{i}@contoso.example"));
        }
        kit.Config.DeletionThreshold.Percent = 10;   // 10 % of 10 links = 1

        var threshold = kit.Plan().Summary.Threshold;

        Assert.Equal((2, 1, true), (threshold.Deprovisioning, threshold.EffectiveLimit, threshold.Exceeded));
    }

    [Fact]
    public void ThresholdCheck_UnderTheLimit_IsNotExceeded()
    {
        var kit = new PlanKit().Link("s1", "t1").Add(User("s2", "v@contoso.example"));   // a read with nobody in scope would be suspicious
        kit.Sf("t1", "u@contoso.example");

        Assert.False(kit.Plan().Summary.Threshold.Exceeded);
    }

    [Fact]
    public void UnexplainedShareFileUsers_AreCountedAsUnmanaged_AndListedOnlyWhenAsked()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example"));
        kit.Sf("t1", "ada@contoso.example");
        kit.Sf("drift", "someone@acme.com");

        var counted = kit.Plan();
        kit.IncludeUnmanaged = true;
        var listed = kit.Plan();

        Assert.Equal(1, counted.Summary.UnmanagedCount);
        Assert.Equal(1, counted.Summary.Count(PlanAction.Unmanaged));
        Assert.DoesNotContain(counted.Items, i => i.Action == PlanAction.Unmanaged);
        var drift = Assert.Single(listed.Items, i => i.Action == PlanAction.Unmanaged);
        Assert.Equal("drift", drift.TargetId);
        Assert.False(drift.IsExecutable);
    }

    [Fact]
    public void LargePlan_DecidedInParallel_KeepsSourceOrderAndEveryOutcome()
    {
        var kit = new PlanKit();
        for (var i = 0; i < 5000; i++)
        {
            kit.Add(User($"s{i:D5}", $"u{i}@contoso.example", surname: i % 3 == 0 ? "New" : "Last"));
            if (i % 2 == 0) kit.Sf($"t{i}", $"u{i}@contoso.example");
        }

        var plan = kit.Plan();

        Assert.Equal(kit.Users.Select(u => u.Id), plan.Items.Select(i => i.SourceId));
        Assert.Equal(2500, plan.Summary.Count(PlanAction.Create));
        Assert.Equal(2500, plan.Summary.Count(PlanAction.Adopt));
        Assert.Equal(Enumerable.Range(0, 5000).Count(i => i % 2 == 0 && i % 3 == 0), plan.Items.Count(i => i.Action == PlanAction.Adopt && i.Changes.Count == 1));
        Assert.Equal(5000, plan.Items.Select(i => i.ChangeId).Distinct().Count());
    }

    [Fact]
    public void Counts_ListEveryActionAndSkipReason()
    {
        var kit = new PlanKit().Add(User("s1", "a@contoso.example")).Add(User("s2", "b@contoso.example", enabled: false)).Add(User("s3", "c@contoso.example")).Link("s3", "t3");
        kit.Sf("t3", "c@contoso.example");

        var summary = kit.Plan().Summary;

        Assert.Equal(1, summary.Count(PlanAction.Create));
        Assert.Equal(2, summary.Count(PlanAction.Skip));
        Assert.Equal(0, summary.Count(PlanAction.Delete));
        Assert.Equal(1, summary.SkipReasons[SkipReason.NotProvisionedDisabled]);
        Assert.Equal(1, summary.SkipReasons[SkipReason.NoChange]);
        Assert.Equal(3, summary.SourceUsers);
    }
}
