using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Tests.Configuration;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class PlanFileTests
{
    private static PlanKit Kit()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", "Ada", "King")).Add(User("s2", "alan@contoso.example")).Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example", "Ada", "Lovelace");
        return kit;
    }

    [Fact]
    public async Task SavedPlan_LoadsBackWithItemsSummaryAndBasis()
    {
        using var dir = new TempDirectory();
        var plan = Kit().Plan();
        var path = Path.Combine(dir.Path, "plan.json");

        await plan.SaveAsync(path, CancellationToken.None);
        var loaded = ProvisioningPlan.Load(path);

        Assert.Equal(plan.PlanId, loaded.PlanId);
        Assert.Equal(plan.Items.Select(i => (i.ChangeId, i.Action, i.SourceId, i.TargetId)), loaded.Items.Select(i => (i.ChangeId, i.Action, i.SourceId, i.TargetId)));
        Assert.Equal("King", loaded.Items.Single(i => i.SourceId == "s1").Desired.LastName);
        Assert.Equal(plan.Summary.Count(PlanAction.Create), loaded.Summary.Count(PlanAction.Create));
        Assert.Equal(plan.Basis.SourceFingerprint, loaded.Basis.SourceFingerprint);
        Assert.Equal(plan.Basis.TargetFingerprint, loaded.Basis.TargetFingerprint);
        Assert.Empty(PlanStaleness.Compare(loaded, plan));
        var json = File.ReadAllText(path);
        Assert.Contains("\"action\": \"Update\"", json);
        Assert.DoesNotContain("isExecutable", json);   // computed properties are not stored
        Assert.DoesNotContain("changeSummary", json);
    }

    [Fact]
    public void SamePlanInputs_GiveTheSameFingerprints_InAnyOrder()
    {
        var a = Kit();
        var b = Kit();
        b.Users.Reverse();
        b.Target.Users.Reverse();

        Assert.Empty(PlanStaleness.Compare(a.Plan(), b.Plan()));
    }

    [Fact]
    public void PlanBecomesStale_WhenShareFileTheSourceTheLinksOrTheConfigurationChange()
    {
        var saved = Kit().Plan();

        var target = Kit();
        target.Target.Users[0].LastName = "Byron";
        var source = Kit();
        source.Users[1].Attributes.Set("surname", "Turing");
        var links = Kit().Link("s2", "t2");
        var config = Kit();
        config.Config.Deprovisioning.GracePeriodDays = 3;

        Assert.Equal(new[] { "ShareFile users changed" }, PlanStaleness.Compare(saved, target.Plan()));
        Assert.Contains(PlanStaleness.Compare(saved, source.Plan()), r => r.Contains("source"));
        Assert.Contains(PlanStaleness.Compare(saved, links.Plan()), r => r.Contains("links"));
        Assert.Contains(PlanStaleness.Compare(saved, config.Plan()), r => r.Contains("configuration"));
        var error = Assert.Throws<PlanStaleException>(() => PlanStaleness.ThrowIfStale(saved, target.Plan()));
        Assert.Contains("Get-ProvisioningPlan", error.Message);
    }

    [Fact]
    public void SomethingThatIsNotAPlan_IsRefusedWithItsName()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProvisioningPlan.FromJson("{\"hello\":1}", "users.json"));

        Assert.Contains("users.json", error.Message);
        Assert.Contains("not a provisioning plan", error.Message);
    }
}
