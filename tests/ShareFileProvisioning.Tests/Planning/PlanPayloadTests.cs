using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile.Models;
using static ShareFileProvisioning.Tests.Planning.PlanKit;

namespace ShareFileProvisioning.Tests.Planning;

public sealed class PlanPayloadTests
{
    [Fact]
    public void EmployeeCreate_BecomesAnAccountUserRequestWithTheMappedValues()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", "Ada", "Lovelace", company: "Contoso"));
        kit.Config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.CanCreateFolders, Type = MappingType.Constant, Constant = "True" });

        var request = PlanPayloads.CreateRequest(ItemOf(kit.Plan(), "s1"));

        var employee = Assert.IsType<SfCreateEmployeeRequest>(request);
        Assert.Equal(("ada@contoso.example", "Ada", "Lovelace", "Contoso"), (employee.Email, employee.FirstName, employee.LastName, employee.Company));
        Assert.True(employee.CanCreateFolders);
    }

    [Fact]
    public void ClientCreate_BecomesAClientRequest()
    {
        var kit = new PlanKit().Add(User("s1", "bob@partner.example"));
        kit.Config.UserType.Default = UserKind.Client;

        var request = PlanPayloads.CreateRequest(ItemOf(kit.Plan(), "s1"));

        Assert.IsType<SfCreateClientRequest>(request);
        Assert.Equal("bob@partner.example", request.Email);
    }

    [Fact]
    public void Update_SendsOnlyTheChangedAttributes_AndDisableSetsIsDisabled()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", "Ada", "King")).Add(User("s2", "alan@contoso.example", enabled: false)).Link("s1", "t1").Link("s2", "t2");
        kit.Sf("t1", "ada@contoso.example", "Ada", "Lovelace");
        kit.Sf("t2", "alan@contoso.example");
        var plan = kit.Plan();

        var update = PlanPayloads.AttributeUpdate(ItemOf(plan, "s1"));
        var disable = PlanPayloads.AttributeUpdate(ItemOf(plan, "s2"));

        Assert.Equal("King", update.LastName);
        Assert.Null(update.FirstName);
        Assert.Null(update.IsDisabled);
        Assert.True(disable.IsDisabled);
        Assert.Null(disable.LastName);
    }

    [Fact]
    public void SkipAndTypeOnlyChanges_HaveNoAttributeUpdate_PromotionHasIsEmployee()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example")).Add(User("s2", "alan@contoso.example")).Link("s1", "t1").Link("s2", "t2");
        kit.Sf("t1", "ada@contoso.example");
        kit.Sf("t2", "alan@contoso.example", employee: false);
        var plan = kit.Plan();

        Assert.Null(PlanPayloads.AttributeUpdate(ItemOf(plan, "s1")));
        var promote = ItemOf(plan, "s2");
        Assert.Equal(PlanAction.PromoteToEmployee, promote.Action);
        Assert.Null(PlanPayloads.AttributeUpdate(promote));
        Assert.True(PlanPayloads.Promotion(promote).IsEmployee);
        Assert.False(PlanPayloads.Downgrades(promote));
    }

    [Fact]
    public void RedactedValue_MustBeSuppliedByTheSync()
    {
        var kit = new PlanKit().Add(User("s1", "ada@contoso.example", company: "Secret")).Link("s1", "t1");
        var company = kit.Config.UserMappings.Single(m => m.Target == TargetAttribute.Company);
        company.Type = MappingType.Expression;
        company.SourceAttribute = null;
        company.Expression = "Redact([companyName])";
        kit.Sf("t1", "ada@contoso.example");
        var item = ItemOf(kit.Plan(), "s1");

        var error = Assert.Throws<InvalidOperationException>(() => PlanPayloads.AttributeUpdate(item));
        Assert.Contains("Company", error.Message);
        Assert.Equal("Secret", PlanPayloads.AttributeUpdate(item, _ => "Secret").Company);
    }
}
