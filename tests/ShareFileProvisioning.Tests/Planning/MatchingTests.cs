using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class MatchingTests
{
    [Fact]
    public void UnlinkedUserWithNoMatch_IsCreatedWithEveryMappedValue_AndLinked()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", "Ada", "Lovelace", company: "Contoso"));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Create, item.Action);
        Assert.Equal("ada@contoso.example", item.Desired.Email);
        Assert.Equal("Ada", item.Desired.FirstName);
        Assert.Equal("Lovelace", item.Desired.LastName);
        Assert.Equal("Contoso", item.Desired.Company);
        Assert.Equal(UserKind.Employee, item.Desired.UserType);
        Assert.True(item.Desired.Enabled);
        Assert.Equal(PlanLinkChangeKind.Add, item.Link.Kind);
        Assert.Null(item.TargetId);
        Assert.Contains(item.Changes, c => c.Attribute == "Email" && c.OldValue == null && c.NewValue == "ada@contoso.example");
    }

    [Fact]
    public void UnlinkedUserMatchedByEmailIgnoringCase_IsAdopted_WithOnlyTheRealDifferences()
    {
        var kit = new PlanKit().Add(User("s1", "Ada@Contoso.example", "Ada", "Lovelace"));
        kit.Sf("t1", "ada@contoso.example", "Ada", "Byron");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Adopt, item.Action);
        Assert.Equal("t1", item.TargetId);
        Assert.Equal("userPrincipalName", item.Link.MatchedBy);
        Assert.Equal(PlanLinkChangeKind.Add, item.Link.Kind);
        var change = Assert.Single(item.Changes);
        Assert.Equal(("LastName", "Byron", "Lovelace"), (change.Attribute, change.OldValue, change.NewValue));
        Assert.Null(item.Desired.Email);   // differs only in case: ShareFile compares emails case-insensitively
    }

    [Fact]
    public void MatchingFollowsPrecedence_FirstMatchWins()
    {
        var kit = new PlanKit()
            .Add(User("s1", "ada@contoso.example", mail: "ada.l@contoso.example"))
            .Add(User("s2", "alan@contoso.example", mail: "alan.t@contoso.example"));
        kit.Sf("byUpn", "ada@contoso.example");
        kit.Sf("byMail", "ada.l@contoso.example");
        kit.Sf("onlyMail", "alan.t@contoso.example");

        var plan = kit.Plan();

        Assert.Equal("byUpn", ItemOf(plan, "s1").TargetId);
        var alan = ItemOf(plan, "s2");
        Assert.Equal(PlanAction.Adopt, alan.Action);
        Assert.Equal("onlyMail", alan.TargetId);
        Assert.Equal("mail", alan.Link.MatchedBy);
    }

    [Fact]
    public void SeveralShareFileUsersForOneMatchingValue_IsAConflictNamingThem()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example"));
        kit.Sf("t1", "ada@contoso.example");
        kit.Sf("t2", "ADA@contoso.example", employee: false);

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Conflict, item.Action);
        Assert.Equal(SkipReason.DuplicateTargetEntries, item.SkipReason);
        Assert.Equal(new[] { "t1", "t2" }, item.ConflictingIds.OrderBy(i => i));
        Assert.Contains("t1", item.Reason);
        Assert.Contains("t2", item.Reason);
        Assert.True(item.Desired.IsEmpty);
    }

    [Fact]
    public void TwoSourceUsersCreatingOneEmail_AreBothDuplicateSourceEntries()
    {
        var kit = new PlanKit()
            .Add(User("s1", "ada@contoso.example"))
            .Add(User("s2", "ADA@contoso.example"));

        var plan = kit.Plan();

        foreach (var (id, other) in new[] { ("s1", "s2"), ("s2", "s1") })
        {
            var item = ItemOf(plan, id);
            Assert.Equal(PlanAction.Conflict, item.Action);
            Assert.Equal(SkipReason.DuplicateSourceEntries, item.SkipReason);
            Assert.Equal(new[] { other }, item.ConflictingIds);
        }
    }

    [Fact]
    public void TwoSourceUsersMatchingOneShareFileUser_AreBothDuplicateSourceEntries()
    {
        var kit = new PlanKit()
            .Add(User("s1", "ada@contoso.example"))
            .Add(User("s2", "countess@contoso.example", mail: "ada@contoso.example"));
        kit.Sf("t1", "ada@contoso.example");

        var plan = kit.Plan();

        Assert.All(new[] { "s1", "s2" }, id => Assert.Equal(SkipReason.DuplicateSourceEntries, ItemOf(plan, id).SkipReason));
        Assert.Equal(0, plan.Summary.Count(PlanAction.Adopt));
    }

    [Fact]
    public void MatchOnAShareFileUserLinkedToAnotherSourceUser_IsAConflict()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example")).Add(User("s0", "old@contoso.example"));
        kit.Sf("t1", "ada@contoso.example");
        kit.Link("s0", "t1");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Conflict, item.Action);
        Assert.Equal(SkipReason.DuplicateSourceEntries, item.SkipReason);
        Assert.Equal(new[] { "s0" }, item.ConflictingIds);
    }

    [Fact]
    public void DisabledSourceUserWithoutShareFileAccount_IsNeverCreated()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", enabled: false));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Skip, item.Action);
        Assert.Equal(SkipReason.NotProvisionedDisabled, item.SkipReason);
    }

    [Fact]
    public void UserWithoutAnyMatchingValue_IsSkippedAsMissingRequiredAttribute()
    {
        var kit = new PlanKit().Add(User("s1", null));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.MissingRequiredAttribute, item.SkipReason);
        Assert.Contains("matching attribute", item.Reason);
    }

    [Fact]
    public void EmailMappingWithNoValue_IsSkippedAsMissingRequiredAttribute()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example"));
        kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Email && !m.LookupOnly).SourceAttribute = "mail";
        kit.Config.UserMappings.RemoveAll(m => m.LookupOnly);
        kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Email).MatchingPrecedence = 0;
        kit.Config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.Email, Type = MappingType.Direct, SourceAttribute = "userPrincipalName", MatchingPrecedence = 1, LookupOnly = true });

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.MissingRequiredAttribute, item.SkipReason);
        Assert.Contains("Email", item.Reason);
    }

    [Fact]
    public void InvalidEmail_IsSkippedNamingTheValue()
    {
        var kit = new PlanKit().Add(User("s1", "not an email"));

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(SkipReason.InvalidEmail, item.SkipReason);
        Assert.Contains("not an email", item.Reason);
    }

    [Fact]
    public void CreateWhoseEmailBelongsToAnUnmatchedShareFileUser_IsEmailInUse()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", mail: "ada.l@contoso.example"));
        // Match on mail only; the written email (UPN) is held by someone else.
        kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Email && !m.LookupOnly).MatchingPrecedence = 0;
        kit.Sf("t9", "ada@contoso.example");

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Conflict, item.Action);
        Assert.Equal(SkipReason.EmailInUse, item.SkipReason);
        Assert.Equal(new[] { "t9" }, item.ConflictingIds);
    }

    [Fact]
    public void MappingThatFailsForAUser_IsSkippedAsMappingFailed_NamingTheMapping()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", company: "not a date"));
        var company = kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Company);
        company.Type = MappingType.Expression;
        company.SourceAttribute = null;
        company.Expression = "FormatDateTime([companyName], , \"yyyyMMdd\", \"yyyy\")";

        var item = ItemOf(kit.Plan(), "s1");

        Assert.Equal(PlanAction.Skip, item.Action);
        Assert.Equal(SkipReason.MappingFailed, item.SkipReason);
        Assert.Contains("FormatDateTime", item.Reason);
    }

    [Fact]
    public void CreateItem_CarriesImportScopingAndMatchingStepsInEntraVocabulary()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example"));

        var steps = ItemOf(kit.Plan(), "s1").Steps;

        Assert.Equal(new[] { "EntryImport", "EntrySynchronizationScoping", "EntrySynchronizationAdd" }, steps.Select(s => s.Name));
        Assert.Equal(new[] { PlanStepType.Import, PlanStepType.Scoping, PlanStepType.Matching }, steps.Select(s => s.StepType));
        Assert.Equal("True", steps[1].Details["Assigned"]);
        Assert.Equal("True", steps[1].Details["IsActive"]);
        Assert.StartsWith("Passed", steps[1].Details["ScopeEvaluationResult"]);
    }
}
