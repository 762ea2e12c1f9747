using System.Linq;
using System.Net.Http;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Reporting;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Configuration;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Reporting;

/// <summary>The account report over real HTTP against both emulators, on a tenant seeded with every class and flag.</summary>
public sealed class AccountReportHttpTests : IAsyncLifetime
{
    private const string Barbara = "7bd2ad8e-8888-4f9a-9b0c-1d2e3f4a5b08";

    private readonly TempDirectory _dir = new();
    private EmulatorServer _server;
    private EntraSource _source;
    private ShareFileClient _shareFile;

    public async Task InitializeAsync()
    {
        var seed = ShareFileSeed.Default();
        var now = DateTime.UtcNow;
        seed.Users.Add(new SeedUser { Email = "ada.lovelace@contoso.example", FirstName = "Ada", LastName = "Lovelace", LastAnyLogin = now.AddDays(-200) });  // assigned, inactive
        seed.Users.Add(new SeedUser { Email = "dennis.ritchie@contoso.example", FirstName = "Dennis", LastName = "Ritchie", Type = "Client" });       // assigned, disabled in Entra
        seed.Users.Add(new SeedUser { Email = "margaret.hamilton@contoso.example", FirstName = "Margaret", LastName = "Hamilton", Disabled = true, LastAnyLogin = now.AddDays(-3) });  // not assigned
        seed.Users.Add(new SeedUser { Email = "linus.torvalds@contoso.example", FirstName = "Linus", LastName = "Torvalds" });                         // nested member only: not assigned; never signed in
        seed.Users.Add(new SeedUser { Email = "barbara.liskov@contoso.example", FirstName = "Barbara", LastName = "Liskov", Type = "Client" });        // soft-deleted in Entra
        seed.Users.Add(new SeedUser { Email = "guest.partner@fabrikam.example", FirstName = "Gus", LastName = "Partner", Type = "Client" });          // nobody in Entra
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed });
        using (var http = new HttpClient())
            (await http.PostAsync(new Uri(_server.BaseUri, $"_emulator/graph/users/{Barbara}/softDelete"), null)).EnsureSuccessStatusCode();
        _source = await ShareFileTestKit.EntraAsync(_server);
        _shareFile = ShareFileTestKit.Client(_server);
    }

    public async Task DisposeAsync()
    {
        _source.Dispose();
        _shareFile.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private Task<AccountReport> Build() => AccountReportService.BuildAsync(new AccountReportRequest
    {
        InactiveDays = 90,
        Plan = new PlanRequest
        {
            Source = _source, ShareFile = _shareFile, Configuration = ProvisioningConfiguration.CreateDefault(),
            State = new FileStateStore(_dir.Combine("state")), ProfileName = "acme",
        },
    }, CancellationToken.None);

    [Fact]
    public async Task Report_ClassifiesEveryAccount_AndSaysWhyUnassignedOnesAreOutOfScope()
    {
        var report = await Build();
        AccountReportEntry E(string email) => report.Entries.Single(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(AccountClass.AssignedNotLinked, E("ada.lovelace@contoso.example").Class);
        Assert.Equal((AccountClass.Unassigned, UnassignedReason.Disabled), (E("dennis.ritchie@contoso.example").Class, E("dennis.ritchie@contoso.example").UnassignedReason));
        Assert.Equal(UnassignedReason.NotAssigned, E("margaret.hamilton@contoso.example").UnassignedReason);
        Assert.Equal(UnassignedReason.NotAssigned, E("linus.torvalds@contoso.example").UnassignedReason);
        Assert.Equal(UnassignedReason.SoftDeleted, E("barbara.liskov@contoso.example").UnassignedReason);
        Assert.Equal(AccountClass.Local, E("guest.partner@fabrikam.example").Class);
        Assert.Equal(AccountClass.Local, E("admin@acme.com").Class);
        Assert.Equal(report.Entries.Count, report.Summary.Managed + report.Summary.AssignedNotLinked + report.Summary.Unassigned + report.Summary.Local);
    }

    [Fact]
    public async Task Report_FlagsAdministrators_DisabledEmployees_AndInactiveOrNeverSignedInOnes()
    {
        var report = await Build();
        AccountReportEntry E(string email) => report.Entries.Single(e => string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase));

        Assert.True(E("admin@acme.com").IsAdministrator);
        Assert.Null(E("admin@acme.com").ReclaimReason);   // administrators are never proposed for a downgrade
        Assert.Equal((true, "Disabled"), (E("margaret.hamilton@contoso.example").IsDisabled == true, E("margaret.hamilton@contoso.example").ReclaimReason));
        Assert.Equal("Inactive", E("ada.lovelace@contoso.example").ReclaimReason);
        Assert.InRange(E("ada.lovelace@contoso.example").DaysSinceSignIn ?? -1, 199, 201);
        Assert.Equal(("NeverSignedIn", (int?)null), (E("linus.torvalds@contoso.example").ReclaimReason, E("linus.torvalds@contoso.example").DaysSinceSignIn));
        Assert.False(E("barbara.liskov@contoso.example").IsEmployee);
        var s = report.Summary;
        Assert.Equal(50, s.LicenceCap);
        Assert.Equal(report.Entries.Count(e => e.IsEmployee && e.IsDisabled == true), s.DisabledEmployees);
        Assert.Equal(report.Entries.Count(e => e.ReclaimReason != null), s.ReclaimableLicences);
        Assert.True(s.ReclaimableLicences >= 3);
        Assert.NotNull(s.TenantReadStrategy);
    }

    [Fact]
    public async Task HtmlReport_HasTheSummaryBothChartsAndATableRowPerAccount_WithNothingExternal()
    {
        var report = await Build();
        var html = AccountReportHtml.Render(report, "ShareFile accounts");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        foreach (var id in new[] { "summary", "classes", "licences", "accounts" }) Assert.NotNull(doc.GetElementById(id));
        Assert.Equal(report.Summary.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            doc.QuerySelector("#summary tr[data-key=total] td")!.TextContent);
        var classBars = doc.QuerySelectorAll("#chart-classes g.bar").ToDictionary(g => g.GetAttribute("data-label")!, g => int.Parse(g.GetAttribute("data-value")!));
        Assert.Equal((report.Summary.Managed, report.Summary.AssignedNotLinked, report.Summary.Unassigned, report.Summary.Local),
            (classBars["Managed"], classBars["AssignedNotLinked"], classBars["Unassigned"], classBars["Local"]));
        var licenceBars = doc.QuerySelectorAll("#chart-licences g.bar").ToDictionary(g => g.GetAttribute("data-label")!, g => int.Parse(g.GetAttribute("data-value")!));
        Assert.Equal((report.Summary.LicencesUsed, report.Summary.ReclaimableLicences), (licenceBars["Used"], licenceBars["Reclaimable"]));
        Assert.Equal(report.Entries.Count, doc.QuerySelectorAll("#account-table tbody tr").Length);
        Assert.Empty(doc.QuerySelectorAll("script[src], link, img, [href^=http], [src^=http]"));
        Assert.NotNull(doc.GetElementById("filter"));
    }
}
