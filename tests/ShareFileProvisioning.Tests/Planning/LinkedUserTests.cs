using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class LinkedUserTests
{
    [Fact]
    public void LinkedUserWithSameValues_IsSkippedAsNoChange_EvenWhenEmailCaseDiffers()
    {
        var kit = new PlanKit().Add(User("s1", "Ada@Contoso.example", "Ada", "Lovelace")).Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example", "Ada", "Lovelace");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Skip, item.Action);
        Assert.Equal(SkipReason.NoChange, item.SkipReason);
        Assert.Equal("RedundantExport", item.Steps.Last().Details["SkipReason"]);
    }

    [Fact]
    public void LinkedUserWithChangedNames_IsUpdatedWithOldAndNewValues()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", "Ada", "King", company: "Contoso")).Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example", "Ada", "Lovelace");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Update, item.Action);
        var changes = ChangesOf(item);
        Assert.Equal(("Lovelace", "King"), changes["LastName"]);
        Assert.Equal((null, "Contoso"), changes["Company"]);
        Assert.Equal(2, changes.Count);
        Assert.Equal("King", item.Desired.LastName);
        Assert.Null(item.Desired.FirstName);
        Assert.Equal(PlanLinkChangeKind.None, item.Link.Kind);
    }

    [Fact]
    public void LinkedUserDisabledInSource_IsDisabled_AndCountsAsDeprovisioning()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", enabled: false)).Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example");

        var plan = kit.Plan();
        var item = ItemOf(plan, "s1");

        Assert.Equal(PlanAction.Disable, item.Action);
        Assert.False(item.Desired.Enabled);
        Assert.Equal(("True", "False"), ChangesOf(item)["Enabled"]);
        Assert.Equal(1, plan.Summary.Threshold.Deprovisioning);
    }

    [Fact]
    public void LinkedUserActiveAgain_IsEnabled()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example")).Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example", disabled: true);

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Enable, item.Action);
        Assert.True(item.Desired.Enabled);
    }

    [Fact]
    public void UserTypeRuleTurningAnEmployeeIntoAClient_IsADowngrade_AndTheReverseAPromotion()
    {
        var kit = new PlanKit()
            .Add(User("s1", "ada@contoso.example", company: "Partner"))
            .Add(User("s2", "alan@contoso.example", company: "Contoso"))
            .Link("s1", "t1").Link("s2", "t2");
        kit.Config.UserType.Expression = "IIF([companyName]=\"Partner\", \"Client\", \"Employee\")";
        kit.Sf("t1", "ada@contoso.example", employee: true, company: "Partner");
        kit.Sf("t2", "alan@contoso.example", employee: false, company: "Contoso");

        var plan = kit.Plan();

        var ada = ItemOf(plan, "s1");
        Assert.Equal(PlanAction.DowngradeToClient, ada.Action);
        Assert.Equal(UserKind.Client, ada.Desired.UserType);
        var alan = ItemOf(plan, "s2");
        Assert.Equal(PlanAction.PromoteToEmployee, alan.Action);
        Assert.Equal(("Client", "Employee"), ChangesOf(alan)["UserType"]);
        Assert.Equal(1, plan.Summary.Licence.Added);
        Assert.Equal(1, plan.Summary.Licence.Freed);
    }

    [Fact]
    public void ChangingEmailToOneAnotherShareFileUserHolds_IsEmailInUse()
    {
        var kit = new PlanKit().Add(User("s1", "new@contoso.example")).Link("s1", "t1");
        kit.Sf("t1", "old@contoso.example");
        kit.Sf("t2", "new@contoso.example");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Conflict, item.Action);
        Assert.Equal(SkipReason.EmailInUse, item.SkipReason);
        Assert.Equal(new[] { "t2" }, item.ConflictingIds);
    }

    [Fact]
    public void LinkWhoseShareFileUserIsGone_IsReplacedByMatchingOrCreation()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example")).Link("s1", "gone");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Create, item.Action);
        Assert.Equal("gone", item.Link.ReplacesTargetId);
    }

    [Fact]
    public void RedactedValue_IsShownAsRedact_AndNotKeptInThePlan()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", company: "Secret Corp")).Link("s1", "t1");
        var company = kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Company);
        company.Type = MappingType.Expression;
        company.SourceAttribute = null;
        company.Expression = "Redact([companyName])";
        kit.Sf("t1", "ada@contoso.example");

        var plan = kit.Plan();
        var item = ItemOf(plan, "s1");

        Assert.Equal("[Redact]", ChangesOf(item)["Company"].New);
        Assert.Null(item.Desired.Company);
        Assert.Contains(TargetAttribute.Company, item.Desired.Redacted);
        Assert.DoesNotContain("Secret Corp", plan.ToJson());
    }

    [Fact]
    public void InScopeUserBackFromOutOfScope_ClearsTheGracePeriodStart()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example")).Link("s1", "t1", outOfScopeSince: Now.AddDays(-2));
        kit.Sf("t1", "ada@contoso.example");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.NoChange, item.SkipReason);
        Assert.Equal(PlanLinkChangeKind.Update, item.Link.Kind);
        Assert.Null(item.Link.OutOfScopeSince);
    }
}
