using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using ShareFileProvisioning.Emulator;

namespace ShareFileProvisioning.Tests.Graph;

/// <summary>
/// A fresh emulator per test class instance plus the REAL Graph SDK pointed at it: only the base URL and the
/// token provider differ from production use (the HttpClient keeps Graph's default middleware, retry included).
/// </summary>
public abstract class GraphEmulatorHarness : IAsyncLifetime
{
    // Ids from seeds/graph-default.json.
    protected const string SpId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9";
    protected const string AppId = "3a1f5e2d-4c6b-4a8e-9f0d-1b2c3d4e5f60";
    protected const string TenantId = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f";
    protected const string UserRoleId = "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b";
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

    private readonly List<HttpClient> _httpClients = new();

    protected EmulatorServer Server { get; private set; }

    protected GraphServiceClient Client { get; private set; }

    protected virtual EmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        Server = await EmulatorServer.StartAsync(Options);
        Client = CreateClient("any-token");
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _httpClients) c.Dispose();
        await Server.DisposeAsync();
    }

    protected GraphServiceClient CreateClient(string token)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        _httpClients.Add(http);
        var auth = new BaseBearerTokenAuthenticationProvider(new FixedTokenProvider(token, Server.BaseUri.Host));
        return new GraphServiceClient(http, auth, Server.BaseUri + "v1.0");
    }

    protected HttpClient PlainHttp()
    {
        var http = new HttpClient { BaseAddress = Server.BaseUri };
        _httpClients.Add(http);
        return http;
    }

    private sealed class FixedTokenProvider(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(new[] { host });

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object> additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
