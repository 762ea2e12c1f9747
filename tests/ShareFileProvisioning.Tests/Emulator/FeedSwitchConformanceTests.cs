using System.Collections.Generic;
using System.Linq;
using System.Net;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The seed switches: feeds without IsDisabled/LastAnyLogin, and a server page size on every GET feed.</summary>
public sealed class FeedSwitchConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Theory]
    [InlineData("sf/v3/Accounts/Employees")]
    [InlineData("sf/v3/Accounts/Clients")]
    [InlineData("sf/v3/Groups(ENGINEERING)/Contacts")]
    public async Task Omit_feed_state_leaves_IsDisabled_and_LastAnyLogin_out_of_every_feed_element(string path)
    {
        Reseed(s => s.OmitFeedState = true);
        var token = await AdminTokenAsync();
        var r = await Sf.GetAsync(path.Replace("ENGINEERING", EngineeringId()), token);

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.NotEmpty(r.Value);
        Assert.All(r.Value, c => Assert.Null(c["IsDisabled"]));
        Assert.All(r.Value, c => Assert.Null(c["LastAnyLogin"]));
        Assert.All(r.Value, c => Assert.NotNull(c["Email"]));
    }

    [Fact]
    public async Task Omit_feed_state_keeps_the_state_on_the_user_itself()
    {
        Reseed(s => s.OmitFeedState = true);
        var r = await Sf.GetAsync($"sf/v3/Users({IdOf("grace.hopper@acme.co.uk")})?$expand=Security", await AdminTokenAsync());
        Assert.True((bool)r.Body["Security"]["IsDisabled"]);
    }

    [Theory]
    [InlineData("sf/v3/Accounts/Employees", null)]
    [InlineData("sf/v3/Accounts/Employees?$top=50", null)]
    [InlineData("sf/v3/Accounts/Clients", null)]
    [InlineData("sf/v3/Groups", null)]
    [InlineData("sf/v3/Groups(ENGINEERING)/Contacts", null)]
    [InlineData("sf/v3/Accounts/Employees", "GET")]
    public async Task Server_page_size_caps_every_feed_page_and_nextLink_reaches_each_item_once(string path, string methodOverride)
    {
        Reseed(s =>
        {
            s.ServerPageSize = 7;
            s.Account.UserMax = null;
            s.Users.AddRange(Enumerable.Range(0, 12).Select(i => new SeedUser { Email = $"e{i:00}@acme.com", FirstName = "E", LastName = i.ToString() }));
            s.Users.AddRange(Enumerable.Range(0, 9).Select(i => new SeedUser { Email = $"c{i:00}@partner.com", FirstName = "C", LastName = i.ToString(), Type = "Client" }));
            s.Groups[0].Members.AddRange(Enumerable.Range(0, 12).Select(i => $"e{i:00}@acme.com"));
            s.Groups.AddRange(Enumerable.Range(0, 9).Select(i => new SeedGroup { Name = $"G{i}" }));
        });
        var token = await AdminTokenAsync();
        var url = path.Replace("ENGINEERING", EngineeringId());
        var seen = new List<string>();
        int? total = null;
        var pages = 0;
        while (url != null)
        {
            var page = methodOverride == null ? await Sf.GetAsync(url, token) : await Sf.SendJsonAsync("POST", url, token, null, methodOverride);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.InRange(page.Value.Count, 1, 7);
            total ??= (int)page.Body["odata.count"];
            seen.AddRange(page.Value.Select(c => (string)c["Id"]));
            url = (string)page.Body["odata.nextLink"];
            if (url != null) Assert.Equal(7, page.Value.Count);
            pages++;
        }

        Assert.True(total > 7);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((total.Value + 6) / 7, pages);
    }

    [Fact]
    public async Task Server_page_size_does_not_page_the_member_feed_a_write_answers_with()
    {
        Reseed(s =>
        {
            s.ServerPageSize = 1;
            s.Users.Add(new SeedUser { Email = "x@partner.com", FirstName = "X", LastName = "Y", Type = "Client" });
        });
        var body = $"[{{\"Email\":\"x@partner.com\"}}]";
        var r = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({EngineeringId()})/Contacts", await AdminTokenAsync(), body);

        Assert.Equal(3, r.Value.Count);
        Assert.Null(r.Body["odata.nextLink"]);
    }

    [Fact]
    public async Task A_seed_without_the_switches_takes_them_from_the_environment_and_an_explicit_seed_value_wins()
    {
        var names = new[] { FeedSettings.OmitFeedStateVariable, FeedSettings.PageSizeVariable };
        var saved = names.Select(System.Environment.GetEnvironmentVariable).ToArray();
        try
        {
            System.Environment.SetEnvironmentVariable(FeedSettings.OmitFeedStateVariable, "1");
            System.Environment.SetEnvironmentVariable(FeedSettings.PageSizeVariable, "7");
            var fromEnvironment = FeedSettings.From(new ShareFileSeed());
            var pinned = FeedSettings.From(new ShareFileSeed { OmitFeedState = false, ServerPageSize = 0 });

            Assert.Equal(new FeedSettings(true, 7), fromEnvironment);
            Assert.Equal(new FeedSettings(false, null), pinned);
        }
        finally
        {
            for (var i = 0; i < names.Length; i++) System.Environment.SetEnvironmentVariable(names[i], saved[i]);
        }
    }

    private string EngineeringId() => Server.ShareFile.FindGroupsByName("Engineering").Single().Id;
}
