using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;
using ShareFileProvisioning.Tests.Configuration;
using ShareFileProvisioning.Tests.ShareFile;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>Both emulators in-process, the engine's Entra source and ShareFile client against them over HTTP, a temp profile.</summary>
public abstract class SyncHarness : IAsyncLifetime
{
    // seeds/graph-default.json
    protected const string SpId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9";
    protected const string TenantId = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f";
    protected const string Ada = "0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01";
    protected const string Alan = "1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02";
    protected const string Grace = "2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03";
    protected const string Katherine = "3d9e6f4a-4444-4b5c-9d6e-7f8a9b0c1d04";
    protected const string Dennis = "6ac19c7d-7777-4e8f-8a9b-0c1d2e3f4a07";

    protected readonly TempDirectory Dir = new();

    protected EmulatorServer Server { get; private set; }

    protected EntraSource Source { get; private set; }

    protected ShareFileClient ShareFile { get; private set; }

    protected ProvisioningProfile Profile { get; private set; }

    protected ProvisioningConfiguration Configuration { get; } = ProvisioningConfiguration.CreateDefault();

    protected FileStateStore State => new(Profile);

    public virtual async Task InitializeAsync()
    {
        var seed = ShareFileSeed.Default();
        seed.Users.Add(new SeedUser { Email = "ada.lovelace@contoso.example", FirstName = "Ada", LastName = "Byron", Company = "Contoso" });
        Seed(seed);
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed });
        Source = await Connect(Server);
        ShareFile = ShareFileTestKit.Client(Server);
        Profile = new ProvisioningProfile("acme", Dir.Combine("profile"));
        Configuration.Deprovisioning.ReassignToUser = ShareFileTestKit.AdminEmail;
    }

    /// <summary>Lets a test class add to the ShareFile account before the emulator starts.</summary>
    protected virtual void Seed(ShareFileSeed seed)
    {
    }

    public virtual async Task DisposeAsync()
    {
        Source.Dispose();
        ShareFile.Dispose();
        await Server.DisposeAsync();
        Dir.Dispose();
    }

    protected static Task<EntraSource> Connect(EmulatorServer server) => EntraSource.ConnectAsync(
        new SourceSignInSettings { AccessToken = ShareFileTestKit.Secure("any-token"), GraphBaseUri = new Uri(server.BaseUri + "v1.0") },
        new SourceAppSelector { ServicePrincipalId = SpId }, null, CancellationToken.None);

    protected SyncRequest Request(Action<SyncRequest> tweak = null)
    {
        var r = new SyncRequest
        {
            Source = Source, ShareFile = ShareFile, Profile = Profile, Configuration = Configuration, Subdomain = "acme", TenantId = TenantId,
            ThrottleLimit = 4, LinkFlushEvery = 2,
        };
        tweak?.Invoke(r);
        return r;
    }

    protected async Task<(SyncSummary Summary, List<SyncActionResult> Results)> SyncAsync(Action<SyncRequest> tweak = null)
    {
        var results = new List<SyncActionResult>();
        var summary = await SyncService.RunAsync(Request(tweak), results.Add, CancellationToken.None);
        return (summary, results);
    }

    protected static SyncActionResult Of(IEnumerable<SyncActionResult> results, string sourceId) => results.Single(r => r.SourceId == sourceId);

    protected ShareFileUserInfo UserByEmail(string email) => Server.ShareFile.FindUser(email);

    /// <summary>The account's users as comparable text (ids differ between emulators; emails, names, type and state do not).</summary>
    protected static List<string> Snapshot(EmulatorServer server) => server.ShareFile.Users
        .Select(u => $"{u.Email.ToLowerInvariant()}|{u.FirstName}|{u.LastName}|{u.Company}|{(u.IsEmployee ? "E" : "C")}|{(u.IsDisabled ? "off" : "on")}")
        .OrderBy(s => s, StringComparer.Ordinal).ToList();
}
