using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Tests.Source;

/// <summary>A fresh emulator per test class instance and the engine's EntraSource pointed at it over real HTTP.</summary>
public abstract class SourceHarness : IAsyncLifetime
{
    // Ids from seeds/graph-default.json.
    protected const string SpId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9";
    protected const string AppId = "3a1f5e2d-4c6b-4a8e-9f0d-1b2c3d4e5f60";
    protected const string TenantId = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f";
    protected const string UserRoleId = "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b";
    protected const string GroupRoleId = "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d";
    protected const string Ada = "0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01";
    protected const string Alan = "1b7c4d2e-2222-4f3a-9b4c-5d6e7f8a9b02";
    protected const string Grace = "2c8d5e3f-3333-4a4b-8c5d-6e7f8a9b0c03";
    protected const string Katherine = "3d9e6f4a-4444-4b5c-9d6e-7f8a9b0c1d04";
    protected const string Linus = "4eaf7a5b-5555-4c6d-8e7f-8a9b0c1d2e05";
    protected const string Margaret = "5fb08b6c-6666-4d7e-9f8a-9b0c1d2e3f06";
    protected const string Dennis = "6ac19c7d-7777-4e8f-8a9b-0c1d2e3f4a07";
    protected const string Barbara = "7bd2ad8e-8888-4f9a-9b0c-1d2e3f4a5b08";
    protected const string ShareFileUsers = "8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01";
    protected const string Contractors = "9df4cfa0-bbbb-4b1c-9d2e-3f4a5b6c7d02";
    protected const string Finance = "aef5d0b1-cccc-4c2d-8e3f-4a5b6c7d8e03";
    protected const string AppClientId = "c0ffee00-1234-4abc-8def-0123456789ab";
    protected const string AppClientSecret = "emulator-secret-value";

    private readonly List<EntraSource> _sources = new();

    protected EmulatorServer Server { get; private set; }

    protected virtual EmulatorOptions Options => new();

    protected Uri GraphBase => new(Server.BaseUri + "v1.0");

    protected static readonly SourceReadOptions Mapped = new() { Attributes = new[] { "mail", "givenName", "surname", "department", "employeeId" } };

    public virtual async Task InitializeAsync() => Server = await EmulatorServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        foreach (var s in _sources) s.Dispose();
        await Server.DisposeAsync();
    }

    protected static SecureString Secure(string value)
    {
        var s = new SecureString();
        foreach (var c in value) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    protected SourceSignInSettings TokenSignIn(string token = "any-token") => new() { AccessToken = Secure(token), GraphBaseUri = GraphBase };

    protected SourceSignInSettings SecretSignIn(string clientId = AppClientId, string secret = AppClientSecret) => new()
    {
        TenantId = TenantId, ClientId = clientId, ClientSecret = Secure(secret), GraphBaseUri = GraphBase, AuthorityHost = Server.BaseUri,
    };

    protected async Task<EntraSource> Connect(SourceSignInSettings signIn = null, SourceAppSelector app = null)
    {
        var source = await EntraSource.ConnectAsync(signIn ?? TokenSignIn(), app ?? new SourceAppSelector { ServicePrincipalId = SpId }, null, CancellationToken.None);
        _sources.Add(source);
        return source;
    }

    protected static ScopedUser UserOf(SourceReadResult result, string id) => result.Users.SingleOrDefault(u => u.Id == id);

    protected static UserScopeChange ChangeOf(SourceReadResult result, string id) => result.UserChanges.SingleOrDefault(c => c.UserId == id);
}
