using System.Collections.Generic;
using System.Threading;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Tests.Source;

/// <summary>Tests that set process environment variables: never in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "Process environment variables";
}

/// <summary>
/// Managed identity for real: IDENTITY_ENDPOINT/IDENTITY_HEADER point Azure.Identity at the emulator's App Service
/// style endpoint, exactly as Azure Automation exposes its identity. Variables are restored after each test.
/// </summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class ManagedIdentityTests : SourceHarness
{
    private const string UserAssignedClientId = "d0d0cafe-9abc-4def-8012-3456789abcde";

    private async Task<T> WithIdentityEnvironment<T>(string header, Func<Task<T>> body)
    {
        var names = new[] { "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT", "IDENTITY_SERVER_THUMBPRINT" };
        var saved = new Dictionary<string, string>();
        foreach (var n in names) saved[n] = Environment.GetEnvironmentVariable(n);
        try
        {
            foreach (var n in names) Environment.SetEnvironmentVariable(n, null);
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", Server.BaseUri + "_msi/token");
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", header);
            return await body();
        }
        finally
        {
            foreach (var pair in saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        }
    }

    private SourceSignInSettings Identity(string clientId = null) => new() { ManagedIdentity = true, ManagedIdentityClientId = clientId, GraphBaseUri = GraphBase };

    [Fact]
    public async Task SystemAssigned_TokenFromTheIdentityEndpoint_ReadsScope()
    {
        var users = await WithIdentityEnvironment("emulator-identity-header", async () =>
        {
            var source = await Connect(Identity());
            return (await source.ReadScopeAsync(Mapped, CancellationToken.None)).Users.Count;
        });

        Assert.Equal(5, users);
        Assert.True(Server.Control.CountOf("GET /_msi/token") >= 1);
    }

    [Fact]
    public async Task UserAssigned_ByClientId()
    {
        var source = await WithIdentityEnvironment("emulator-identity-header", () => Connect(Identity(UserAssignedClientId)));

        Assert.Equal(SourceAuthenticationMode.ManagedIdentity, source.AuthenticationMode);
        Assert.Equal(SpId, source.ServicePrincipal.Id);
    }

    // MSAL keeps managed-identity tokens in a process-wide cache keyed by identity and resource, so a failure case
    // must use an identity no earlier test obtained a token for.
    [Fact]
    public async Task UnknownUserAssignedIdentity_IsAnAuthenticationError()
    {
        var unknown = Guid.NewGuid().ToString();

        var error = await WithIdentityEnvironment("emulator-identity-header", () => Assert.ThrowsAsync<SourceAuthenticationException>(() => Connect(Identity(unknown))));

        Assert.Contains(unknown, error.Message);
    }
}
