using System.IO;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>One emulator per test class; each test resets it to the default seed (see <see cref="EmulatorTestBase"/>).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorServer Server { get; private set; }

    public async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        if (Server != null) await Server.DisposeAsync();
    }

    /// <summary>
    /// A fresh copy of seeds/sharefile-default.json, for tests that tweak it before ResetTo. Conformance tests pin
    /// the wire format, so the feed switches are set here and the SFP_EMULATOR_* environment overrides do not apply.
    /// </summary>
    public static ShareFileSeed DefaultSeed()
    {
        var seed = ShareFileSeed.Default();
        seed.OmitFeedState = false;
        seed.ServerPageSize = 0;
        return seed;
    }
}

/// <summary>Resets state, faults, latency and the request log before every test, and hands out a client.</summary>
public abstract class EmulatorTestBase : IClassFixture<EmulatorFixture>, IDisposable
{
    public const string AdminEmail = "admin@acme.com";
    public const string AdminPassword = "P@ssw0rd!demo";
    public const string UserEmail = "user@acme.com";
    public const string UserPassword = "P@ssw0rd!user";

    protected EmulatorTestBase(EmulatorFixture fixture)
    {
        Server = fixture.Server;
        Server.ShareFile.ResetTo(EmulatorFixture.DefaultSeed());
        Server.Control.Reset();
        Sf = new SfHttp(Server.BaseUri);
    }

    protected EmulatorServer Server { get; }

    protected SfHttp Sf { get; }

    /// <summary>Applies a modified default seed (e.g. a lower UserMax) to this test's server.</summary>
    protected void Reseed(Action<ShareFileSeed> change)
    {
        var seed = EmulatorFixture.DefaultSeed();
        change(seed);
        Server.ShareFile.ResetTo(seed);
    }

    protected Task<string> AdminTokenAsync() => Sf.PasswordTokenAsync(AdminEmail, AdminPassword);

    protected Task<string> UserTokenAsync() => Sf.PasswordTokenAsync(UserEmail, UserPassword);

    protected string IdOf(string email) => Server.ShareFile.FindUser(email)?.Id ?? throw new InvalidOperationException($"No seeded user {email}.");

    public void Dispose() => Sf.Dispose();
}
