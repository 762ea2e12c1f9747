using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source.Scope;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class DeprovisioningTests
{
    private static PlanKit LinkedOutOfScope(DeprovisioningAction action, int graceDays = 0, bool disabled = false, bool employee = true, DateTimeOffset? since = null)
    {
        // Full read: s1 is linked but no longer returned by the source.
        var kit = new PlanKit().Link("s1", "t1", since);
        kit.Sf("t1", "ada@contoso.example", employee: employee, disabled: disabled);
        kit.Config.Deprovisioning.Action = action;
        kit.Config.Deprovisioning.GracePeriodDays = graceDays;
        if (action == DeprovisioningAction.Delete) kit.Config.Deprovisioning.ReassignToUser = "admin@acme.com";
        return kit;
    }

    [Fact]
    public void LinkedUserLeavingScope_IsDisabledByDefault_AndTheGracePeriodStartIsRecorded()
    {
        var item = ItemOf(LinkedOutOfScope(DeprovisioningAction.Disable).Plan(), "s1");

        Assert.Equal(PlanAction.Disable, item.Action);
        Assert.False(item.Desired.Enabled);
        Assert.Equal(PlanLinkChangeKind.Update, item.Link.Kind);
        Assert.Equal(Now, item.Link.OutOfScopeSince);
        Assert.Equal("False", item.Steps[1].Details["Assigned"]);
    }

    [Fact]
    public void AlreadyDisabledUserOutOfScope_IsNoChange()
    {
        var item = ItemOf(LinkedOutOfScope(DeprovisioningAction.Disable, disabled: true, since: Now.AddDays(-1)).Plan(), "s1");

        Assert.Equal(SkipReason.NoChange, item.SkipReason);
    }

    [Fact]
    public void DeprovisioningActionNone_SkipsOutOfScopeUsers()
    {
        var item = ItemOf(LinkedOutOfScope(DeprovisioningAction.None).Plan(), "s1");

        Assert.Equal(PlanAction.Skip, item.Action);
        Assert.Equal(SkipReason.OutOfScope, item.SkipReason);
        Assert.Contains("None", item.Reason);
    }

    [Fact]
    public void DowngradeWithinGracePeriod_DisablesFirst_ThenWaits_ThenDowngrades()
    {
        var first = ItemOf(LinkedOutOfScope(DeprovisioningAction.DowngradeToClient, graceDays: 7).Plan(), "s1");
        Assert.Equal(PlanAction.Disable, first.Action);
        Assert.Contains("2026-12-03", first.Reason);

        var waiting = ItemOf(LinkedOutOfScope(DeprovisioningAction.DowngradeToClient, graceDays: 7, disabled: true, since: Now.AddDays(-3)).Plan(), "s1");
        Assert.Equal(SkipReason.WithinGracePeriod, waiting.SkipReason);

        var plan = LinkedOutOfScope(DeprovisioningAction.DowngradeToClient, graceDays: 7, disabled: true, since: Now.AddDays(-8)).Plan();
        var due = ItemOf(plan, "s1");
        Assert.Equal(PlanAction.DowngradeToClient, due.Action);
        Assert.Equal(UserKind.Client, due.Desired.UserType);
        Assert.Null(due.Desired.Enabled);   // already disabled
        Assert.Equal(1, plan.Summary.Licence.Freed);
    }

    [Fact]
    public void DeleteAction_DeletesWithTheReassignTarget_AndRemovesTheLink()
    {
        var plan = LinkedOutOfScope(DeprovisioningAction.Delete).Plan();
        var item = ItemOf(plan, "s1");

        Assert.Equal(PlanAction.Delete, item.Action);
        Assert.Equal("admin@acme.com", item.ReassignTo);
        Assert.Equal(PlanLinkChangeKind.Remove, item.Link.Kind);
        Assert.Equal("EntrySynchronizationDelete", item.Steps[^1].Name);
        Assert.Equal(1, plan.Summary.Licence.Freed);
    }

    [Fact]
    public void HardDeletedUserInAnIncrementalRead_IsDeletedWhenTheActionAllows_ElseDisabled()
    {
        PlanItem Run(DeprovisioningAction action)
        {
            var kit = LinkedOutOfScope(action);
            kit.Incremental = true;
            kit.Changes.Add(new UserScopeChange { UserId = "s1", Kind = ScopeChangeKind.Left, LeftReason = LeftScopeReason.HardDeleted });
            return ItemOf(kit.Plan(), "s1");
        }

        Assert.Equal(PlanAction.Delete, Run(DeprovisioningAction.Delete).Action);
        var disabled = Run(DeprovisioningAction.Disable);
        Assert.Equal(PlanAction.Disable, disabled.Action);
        Assert.Contains("permanently", disabled.Steps[0].Description + disabled.Steps[1].Description);
    }

    [Fact]
    public void UnlinkedUserLeavingScope_IsSkippedAsNeverProvisioned()
    {
        var kit = new PlanKit { Incremental = true };
        kit.Changes.Add(new UserScopeChange { UserId = "s9", Kind = ScopeChangeKind.Left, LeftReason = LeftScopeReason.Unassigned, User = User("s9", "x@contoso.example", inScope: false) });

        var item = ItemOf(kit.Plan(), "s9");

        Assert.Equal(SkipReason.OutOfScope, item.SkipReason);
        Assert.Contains("never provisioned", item.Reason);
    }

    [Fact]
    public void IncrementalChangeWithoutUserData_IsNotTakenAsLeavingScope()
    {
        var kit = new PlanKit { Incremental = true }.Link("s1", "t1");
        kit.Sf("t1", "ada@contoso.example");
        kit.Changes.Add(new UserScopeChange { UserId = "s1", Kind = ScopeChangeKind.Changed });

        Assert.DoesNotContain(kit.Plan().Items, i => i.SourceId == "s1");
    }

    [Fact]
    public void OutOfScopeLinkToAGoneShareFileUser_DropsTheLink()
    {
        var kit = new PlanKit().Link("s1", "gone");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.OutOfScope, item.SkipReason);
        Assert.Equal(PlanLinkChangeKind.Remove, item.Link.Kind);
    }
}
