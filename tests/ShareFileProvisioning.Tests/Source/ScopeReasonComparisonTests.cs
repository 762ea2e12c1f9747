using System.Collections.Generic;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Tests.Source;

/// <summary>An incremental cycle re-reads a user whose reasons changed: the comparison decides, for one reason or many.</summary>
public sealed class ScopeReasonComparisonTests
{
    private static ScopeReason Via(string group, string role) => new() { Kind = ScopeReasonKind.AssignedViaGroup, GroupId = group, AppRoleId = role };

    private static ScopeReason Direct(string role) => new() { Kind = ScopeReasonKind.AssignedDirectly, AppRoleId = role };

    [Fact]
    public void OneReasonEach_SameKindGroupAndRoleInAnyCase_IsTheSame()
    {
        Assert.True(ScopeCalculator.SameReasons(new List<ScopeReason> { Via("AB-1", "R-1") }, new List<ScopeReason> { Via("ab-1", "r-1") }));
    }

    [Fact]
    public void OneReasonEach_AnotherRoleGroupOrKind_IsAChange()
    {
        Assert.False(ScopeCalculator.SameReasons(new List<ScopeReason> { Via("g", "r1") }, new List<ScopeReason> { Via("g", "r2") }));
        Assert.False(ScopeCalculator.SameReasons(new List<ScopeReason> { Via("g1", "r") }, new List<ScopeReason> { Via("g2", "r") }));
        Assert.False(ScopeCalculator.SameReasons(new List<ScopeReason> { Direct("r") }, new List<ScopeReason> { Via(null, "r") }));
    }

    [Fact]
    public void ManyReasons_OrderDoesNotMatter_ButCountsDo()
    {
        Assert.True(ScopeCalculator.SameReasons(new List<ScopeReason> { Direct("r"), Via("g", "r") }, new List<ScopeReason> { Via("G", "R"), Direct("R") }));
        Assert.False(ScopeCalculator.SameReasons(new List<ScopeReason> { Direct("r") }, new List<ScopeReason> { Direct("r"), Via("g", "r") }));
        Assert.True(ScopeCalculator.SameReasons(null, new List<ScopeReason>()));
        Assert.False(ScopeCalculator.SameReasons(null, new List<ScopeReason> { Direct("r") }));
    }
}
