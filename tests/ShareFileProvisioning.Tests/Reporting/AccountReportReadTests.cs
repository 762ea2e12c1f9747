using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Reporting;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Reporting;

/// <summary>
/// What the account report asks for, over real HTTP against both emulators: a tenant of 1,500 users with 40 % in the
/// app's scope (the plan lists the whole tenant: 2 pages beat 40 filtered reads), 30 assigned employees, 10 employees
/// of the tenant outside the scope and 2 local clients in ShareFile.
/// </summary>
public sealed class AccountReportReadTests : IAsyncLifetime
{
    private const string UserReads = "GET /sf/v3/Users(id)";
    private readonly string _graphSeed = Path.Combine(Path.GetTempPath(), $"report-reads-{Guid.NewGuid():N}.json");
    private EmulatorServer _server;
    private EntraSource _source;
    private ShareFileClient _shareFile;
    private int _assignedEnabled;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <param name="omitFeedState">Feeds without IsDisabled/LastAnyLogin; null = as the test run's switch says.</param>
    private async Task StartAsync(bool? omitFeedState = null)
    {
        var graph = GraphSeedGenerator.Create(1_500, assignedUserPercent: 40);
        GraphSeedGenerator.Save(graph, _graphSeed);
        var assigned = graph.AppRoleAssignments.Select(a => a.PrincipalId).ToHashSet();
        var seed = ShareFileSeed.Default();
        seed.OmitFeedState = omitFeedState;
        var now = DateTime.UtcNow;
        // Two in three assigned employees disabled, never signed in or away 200 days: 20 reclaim candidates.
        var inScope = graph.Users.Where(u => assigned.Contains(u.Id)).Take(30).ToList();
        _assignedEnabled = inScope.Count(u => u.AccountEnabled);   // a disabled Entra user is Unassigned (Disabled)
        seed.Users.AddRange(inScope.Select((u, k) => new SeedUser
        {
            Email = u.Mail, FirstName = "User", LastName = u.Surname, Disabled = k % 3 == 0,
            LastAnyLogin = k % 3 == 1 ? (k % 2 == 0 ? (DateTime?)null : now.AddDays(-200)) : now.AddDays(-2),
        }));
        seed.Users.AddRange(graph.Users.Where(u => !assigned.Contains(u.Id)).Take(10)
            .Select(u => new SeedUser { Email = u.Mail, FirstName = "Outside", LastName = u.Surname, LastAnyLogin = now.AddDays(-1) }));
        seed.Users.Add(new SeedUser { Email = "one@partner.example", FirstName = "One", LastName = "Partner", Type = "Client" });
        seed.Users.Add(new SeedUser { Email = "two@partner.example", FirstName = "Two", LastName = "Partner", Type = "Client" });
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed, GraphSeedPath = _graphSeed });
        _source = await ShareFileTestKit.EntraAsync(_server);
        _shareFile = ShareFileTestKit.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _source?.Dispose();
        _shareFile?.Dispose();
        if (_server != null) await _server.DisposeAsync();
        File.Delete(_graphSeed);
    }

    private Task<AccountReport> Build(AdministratorCheck check) => AccountReportService.BuildAsync(new AccountReportRequest
    {
        AdministratorCheck = check,
        Plan = new PlanRequest { Source = _source, ShareFile = _shareFile, Configuration = ProvisioningConfiguration.CreateDefault(), ProfileName = "acme", MaxConcurrency = 8 },
    }, CancellationToken.None);

    [Fact]
    public async Task TenantThePlanListedWhole_IsNotListedAgain_AndStillExplainsTheAccountsOutsideTheScope()
    {
        await StartAsync();
        _server.Control.ClearRequestLog();

        var report = await Build(AdministratorCheck.All);

        Assert.Equal(2, _server.Control.CountOf("GET /v1.0/users"));   // 1,500 users: two pages of 999, once
        Assert.Equal("PagedTenantRead", report.Summary.TenantReadStrategy);
        Assert.Equal(10, report.Entries.Count(e => e.Class == AccountClass.Unassigned && e.UnassignedReason == UnassignedReason.NotAssigned));
        Assert.Equal(_assignedEnabled, report.Summary.AssignedNotLinked);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryEmployeeIsReadOnce_AndReclaimCandidatesReadsOnlyTheEmployeesAReclaimCouldPropose(bool omitFeedState)
    {
        await StartAsync(omitFeedState);
        _server.Control.ClearRequestLog();
        var all = await Build(AdministratorCheck.All);
        var allReads = _server.Control.CountOf(UserReads);
        _server.Control.ClearRequestLog();
        var candidates = await Build(AdministratorCheck.ReclaimCandidates);

        // Disabled, never signed in, or not for 90 days by what the feeds say, whatever the roles; behind feeds that
        // say nothing, every employee may be reclaimed and is read.
        var mayBeReclaimed = all.Entries.Where(e => e.IsEmployee && (omitFeedState || e.IsDisabled == true || e.LastSignIn == null || e.DaysSinceSignIn >= 90))
            .Select(e => e.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(all.Summary.Employees, allReads);
        if (omitFeedState) Assert.Equal(all.Summary.Employees, mayBeReclaimed.Count);
        else Assert.InRange(mayBeReclaimed.Count, 20, all.Summary.Employees - 10);   // the 20 seeded (and the default seed's own), not the 10 active outside ones
        Assert.Equal(mayBeReclaimed.Count, _server.Control.CountOf(UserReads));
        Assert.Equal(all.Summary.Employees - mayBeReclaimed.Count, candidates.Summary.EmployeesWithUnknownRoles);
        Assert.Equal(all.Entries.Where(e => e.ReclaimReason != null).Select(e => (e.Email, e.ReclaimReason)),
            candidates.Entries.Where(e => e.ReclaimReason != null).Select(e => (e.Email, e.ReclaimReason)));
        Assert.All(candidates.Entries.Where(e => e.IsEmployee), e => Assert.Equal(mayBeReclaimed.Contains(e.Email), e.AdministratorKnown));
    }
}
