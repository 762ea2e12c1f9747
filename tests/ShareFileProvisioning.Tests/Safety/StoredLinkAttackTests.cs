using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.ShareFile;
using ShareFileProvisioning.Tests.Sync;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// Whoever can write the state or a saved plan must not be able to send the module's Graph bearer token elsewhere:
/// a stored link off the configured Graph origin stops the cycle before any request, to either service.
/// </summary>
public sealed class StoredLinkAttackTests : SyncHarness
{
    private PlanRequest PlanRequest() => new()
    {
        Source = Source, ShareFile = ShareFile, Configuration = Configuration, State = State,
        Watermarks = new StateSourceWatermarkStore(State), ProfileName = Profile.Name, Subdomain = "acme",
    };

    /// <summary>Requests the emulator served to Graph and ShareFile routes (the control surface left out).</summary>
    private async Task<Dictionary<string, int>> ServedAsync() =>
        (await ShareFileTestKit.RequestCountsAsync(Server)).Where(p => !p.Key.Contains("/_emulator")).ToDictionary(p => p.Key, p => p.Value);

    private string Foreign(ScriptedServer other, string link) => link.Replace(Server.BaseUri.AbsoluteUri, other.BaseUri.AbsoluteUri);

    [Theory]
    [InlineData("usersDeltaLink")]
    [InlineData("groupsDeltaLink")]
    public async Task Delta_link_in_the_state_pointing_at_another_host_is_refused_before_any_request(string field)
    {
        using var other = ScriptedServer.Bystander();
        await SyncAsync();
        var path = Path.Combine(Profile.StateDirectory, StateDocumentName.SourceWatermark);
        var watermark = JObject.Parse(File.ReadAllText(path));
        var property = watermark.Properties().Single(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        property.Value = Foreign(other, (string)property.Value!);
        File.WriteAllText(path, watermark.ToString());
        var before = await ServedAsync();

        var e = await Assert.ThrowsAsync<StoredLinkRejectedException>(() => SyncAsync());

        Assert.Contains(StateDocumentName.SourceWatermark, e.Message);
        Assert.Contains(other.BaseUri.GetLeftPart(UriPartial.Authority), e.Message);
        Assert.Empty(other.Requests);
        Assert.Equal(before, await ServedAsync());
    }

    public static TheoryData<string> PlanLinks() => new() { "usersDeltaLinkUsed", "groupsDeltaLinkUsed", "nextWatermark.usersDeltaLink", "nextWatermark.groupsDeltaLink" };

    [Theory]
    [MemberData(nameof(PlanLinks))]
    public async Task Link_in_a_saved_plan_pointing_at_another_host_is_refused_and_never_stored(string field)
    {
        using var other = ScriptedServer.Bystander();
        await SyncAsync();
        var plan = (await PlanService.ComputeAsync(PlanRequest(), CancellationToken.None)).Plan;
        var evil = other.BaseUri + "v1.0/users/delta?$deltatoken=stolen";
        var basis = plan.Basis;
        basis.NextWatermark ??= new SourceWatermark();
        switch (field)
        {
            case "usersDeltaLinkUsed": basis.UsersDeltaLinkUsed = evil; break;
            case "groupsDeltaLinkUsed": basis.GroupsDeltaLinkUsed = evil; break;
            case "nextWatermark.usersDeltaLink": basis.NextWatermark.UsersDeltaLink = evil; break;
            default: basis.NextWatermark.GroupsDeltaLink = evil; break;
        }
        var file = Path.Combine(Dir.Path, "plan.json");
        File.WriteAllText(file, PlanJson.Serialize(plan));
        var stored = File.ReadAllText(Path.Combine(Profile.StateDirectory, StateDocumentName.SourceWatermark));
        var before = await ServedAsync();

        var e = await Assert.ThrowsAsync<StoredLinkRejectedException>(() => SyncAsync(r => r.SavedPlan = ProvisioningPlan.Load(file)));

        Assert.Contains("basis." + field, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(other.Requests);
        Assert.Equal(before, await ServedAsync());
        Assert.Equal(stored, File.ReadAllText(Path.Combine(Profile.StateDirectory, StateDocumentName.SourceWatermark)));
    }
}
