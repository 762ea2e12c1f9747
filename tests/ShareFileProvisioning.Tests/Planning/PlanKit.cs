using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Tests.Planning;

/// <summary>Builds planner inputs in memory: source users, ShareFile users, links and a configuration.</summary>
internal sealed class PlanKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public List<ScopedUser> Users { get; } = new();

    public List<UserScopeChange> Changes { get; } = new();

    public bool Incremental { get; set; }

    public TargetSnapshot Target { get; } = new() { IsComplete = true };

    public LinkSet Links { get; } = new();

    public ProvisioningConfiguration Config { get; } = ProvisioningConfiguration.CreateDefault();

    public bool IncludeUnmanaged { get; set; }

    public DateTimeOffset At { get; set; } = Now;

    public static ScopedUser User(string id, string upn, string given = "First", string surname = "Last", bool enabled = true, string mail = null, bool inScope = true, string company = null)
    {
        var attributes = new SourceObject()
            .Set("userPrincipalName", upn).Set("mail", mail).Set("givenName", given).Set("surname", surname)
            .Set("companyName", company).Set("accountEnabled", enabled);
        var reasons = inScope ? new List<ScopeReason> { new() { Kind = ScopeReasonKind.AssignedDirectly, AppRoleName = "User" } } : new List<ScopeReason>();
        attributes.IsSoftDeleted = !enabled || !inScope;
        return new ScopedUser { Id = id, UserPrincipalName = upn, DisplayName = $"{given} {surname}", AccountEnabled = enabled, Attributes = attributes, Reasons = reasons };
    }

    public PlanKit Add(ScopedUser user)
    {
        Users.Add(user);
        return this;
    }

    public TargetUser Sf(string id, string email, string first = "First", string last = "Last", bool employee = true, bool disabled = false, string company = null)
    {
        var u = new TargetUser { Id = id, Email = email, FirstName = first, LastName = last, IsEmployee = employee, IsDisabled = disabled, Company = company };
        Target.Users.Add(u);
        return u;
    }

    public PlanKit Link(string sourceId, string targetId, DateTimeOffset? outOfScopeSince = null)
    {
        Links.Upsert(new ObjectLink { SourceId = sourceId, TargetId = targetId, ObjectType = LinkedObjectType.User, LinkedAt = Now.AddDays(-30), OutOfScopeSince = outOfScopeSince });
        return this;
    }

    public PlanningInput Input() => new()
    {
        Source = Incremental
            ? new SourceReadResult { IsFullRead = false, Users = Users, UserChanges = Changes }
            : new SourceReadResult { IsFullRead = true, Users = Users },
        Target = Target,
        Links = Links,
        Mappings = MappingSet.Compile(Config),
        CycleType = Incremental ? PlanCycleType.Incremental : PlanCycleType.Full,
        Now = At,
        IncludeUnmanaged = IncludeUnmanaged,
        Basis = new PlanBasis { ProfileName = "test", SourceName = "Entra ID" },
    };

    public ProvisioningPlan Plan() => ProvisioningPlanner.Compute(Input());

    public static PlanItem ItemOf(ProvisioningPlan plan, string sourceId) => plan.Items.Single(i => i.SourceId == sourceId);

    public static Dictionary<string, (string Old, string New)> ChangesOf(PlanItem item) =>
        item.Changes.ToDictionary(c => c.Attribute, c => (c.OldValue, c.NewValue));
}
