using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Tests.Planning;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>The planner's rails: unknown users, a shrinking source, administrators, unsafe values.</summary>
public sealed class PlannerSafetyTests
{
    [Fact]
    public void A_linked_user_the_source_could_not_return_is_unknown_and_never_deprovisioned()
    {
        var kit = new PlanKit().Link("s1", "t1").Add(User("s2", "b@contoso.example"));
        kit.Sf("t1", "a@contoso.example");
        var input = kit.Input();
        input.Source.UnknownUserIds.Add("s1");

        var item = ItemOf(ProvisioningPlanner.Compute(input), "s1");

        Assert.Equal((PlanAction.Skip, SkipReason.SourceUnknown), (item.Action, item.SkipReason));
    }

    [Fact]
    public void Taking_more_than_ten_percent_and_twenty_managed_users_out_of_scope_stages_every_deprovisioning()
    {
        var kit = new PlanKit();
        for (var i = 0; i < 100; i++)
        {
            kit.Link($"s{i}", $"t{i}");
            kit.Sf($"t{i}", $"u{i}@contoso.example");
            if (i >= 21) kit.Add(User($"s{i}", $"u{i}@contoso.example"));   // 21 of 100 leave
        }

        var check = kit.Plan().Summary.Threshold;

        Assert.Equal(21, check.LeftScope);
        Assert.True(check.ShrinkExceeded);
        Assert.True(check.Exceeded);
    }

    [Fact]
    public void One_person_leaving_a_small_tenant_is_not_held_back()
    {
        var kit = new PlanKit().Link("s1", "t1").Link("s2", "t2").Add(User("s2", "b@contoso.example"));
        kit.Sf("t1", "a@contoso.example");
        kit.Sf("t2", "b@contoso.example");

        var check = kit.Plan().Summary.Threshold;

        Assert.Equal(1, check.LeftScope);
        Assert.False(check.Exceeded);
    }

    [Fact]
    public void A_source_with_no_assignments_while_users_are_linked_is_suspicious()
    {
        var kit = new PlanKit().Link("s1", "t1");
        kit.Sf("t1", "a@contoso.example");

        var check = kit.Plan().Summary.Threshold;

        Assert.Contains("no assignments at all while 1 user(s) are linked", check.SuspiciousSource);
        Assert.True(check.Exceeded);
    }

    [Theory]
    [InlineData(DeprovisioningAction.Disable)]
    [InlineData(DeprovisioningAction.DowngradeToClient)]
    [InlineData(DeprovisioningAction.Delete)]
    public void An_administrator_out_of_scope_is_never_deprovisioned(DeprovisioningAction action)
    {
        var kit = new PlanKit().Link("s1", "admin-id").Add(User("s2", "b@contoso.example"));
        kit.Config.Deprovisioning.Action = action;
        kit.Config.Deprovisioning.ReassignToUser = "records@contoso.example";
        kit.Sf("admin-id", "admin@contoso.example");
        var input = kit.Input();
        input.ProtectedTargetIds = new HashSet<string> { "admin-id" };

        var item = ItemOf(ProvisioningPlanner.Compute(input), "s1");

        Assert.Equal((PlanAction.Skip, SkipReason.AdminProtected), (item.Action, item.SkipReason));
    }

    [Fact]
    public void An_adopted_administrator_takes_only_its_names_from_the_source()
    {
        var kit = new PlanKit().Add(User("s1", "admin@contoso.example", given: "Samuel", enabled: false, company: "Elsewhere"));
        kit.Sf("admin-id", "admin@contoso.example", first: "Sam");
        var input = kit.Input();
        input.ProtectedTargetIds = new HashSet<string> { "admin-id" };

        var item = ItemOf(ProvisioningPlanner.Compute(input), "s1");

        Assert.Equal(PlanAction.Adopt, item.Action);
        Assert.Equal(new[] { "FirstName" }, item.Changes.Select(c => c.Attribute).ToArray());
        Assert.Null(item.Desired.Enabled);
    }

    [Theory]
    [InlineData("Eve\r\nWhat if: delete everyone", "U+000D")]
    [InlineData("Eve\u001b[2J", "U+001B")]
    [InlineData("Eve\u202Eevil", "U+202E")]
    [InlineData("Eve\u200B", "U+200B")]
    public void A_given_name_with_an_unsafe_character_is_refused_naming_the_attribute(string given, string named)
    {
        var kit = new PlanKit().Add(User("s1", "eve@contoso.example", given: given));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal((PlanAction.Skip, SkipReason.InvalidAttributeValue), (item.Action, item.SkipReason));
        Assert.Contains("FirstName", item.Reason);
        Assert.Contains(named, item.Reason);
        Assert.DoesNotContain(item.Reason, c => c < ' ' || (c >= '\u202A' && c <= '\u202E') || c == '\u200B');
    }

    [Theory]
    [InlineData("a@b..com")]
    [InlineData("zero\u200Bwidth@contoso.example")]
    [InlineData("two words@contoso.example")]
    [InlineData("a@b@contoso.example")]
    public void An_email_that_is_not_one_valid_address_is_InvalidEmail(string email)
    {
        var kit = new PlanKit().Add(User("s1", email));

        Assert.Equal(SkipReason.InvalidEmail, ItemOf(kit.Plan(), "s1").SkipReason);
    }

    [Fact]
    public void A_name_longer_than_ShareFile_accepts_is_skipped_naming_the_attribute()
    {
        var kit = new PlanKit().Add(User("s1", "long@contoso.example", surname: new string('x', TargetValues.MaxNameLength + 1)));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.InvalidAttributeValue, item.SkipReason);
        Assert.Contains("LastName", item.Reason);
    }
}
