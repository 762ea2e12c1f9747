using System.Linq;
using System.Net;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>The sync calls the emulator with 16+ parallel requests; state must stay consistent.</summary>
public sealed class ConcurrencyConformanceTests(EmulatorFixture fixture) : EmulatorTestBase(fixture)
{
    [Fact]
    public async Task Parallel_creates_and_member_adds_all_land_exactly_once()
    {
        var token = await AdminTokenAsync();
        var groupId = Server.ShareFile.FindGroupsByName("Engineering").Single().Id;
        var throttle = new System.Threading.SemaphoreSlim(16);

        var results = await Task.WhenAll(Enumerable.Range(0, 160).Select(async i =>
        {
            await throttle.WaitAsync();
            try
            {
                var created = await Sf.SendJsonAsync("POST", "sf/v3/Users", token, $"{{\"Email\":\"p{i}@partner.com\",\"FirstName\":\"P\",\"LastName\":\"{i}\"}}");
                var added = await Sf.SendJsonAsync("POST", $"sf/v3/Groups({groupId})/Contacts", token, $"[{{\"Id\":\"{(string)created.Body["Id"]}\"}}]");
                // The same address again from another request must conflict, never duplicate.
                var duplicate = await Sf.SendJsonAsync("POST", "sf/v3/Users", token, $"{{\"Email\":\"P{i}@partner.com\",\"FirstName\":\"P\",\"LastName\":\"{i}\"}}");
                return (created.Status, added.Status, duplicate.Status);
            }
            finally { throttle.Release(); }
        }));

        Assert.All(results, r => Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), r));
        Assert.Equal(2 + 160, Server.ShareFile.FindGroup(groupId).MemberIds.Distinct().Count());
        Assert.Equal(2 + 160, Server.ShareFile.Account.ClientCount);
        var feed = await Sf.GetAsync("sf/v3/Accounts/Clients", token);
        Assert.Equal(162, feed.Value.Select(c => (string)c["Id"]).Distinct().Count());
    }
}
