using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security;
using System.Text;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.Http;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>Settings, options and the emulator's HTTP control endpoints (the stable test contract).</summary>
internal static class ShareFileTestKit
{
    public const string AdminEmail = "admin@acme.com";
    public const string AdminPassword = "P@ssw0rd!demo";
    public const string UserEmail = "user@acme.com";
    public const string UserPassword = "P@ssw0rd!user";
    public const string ClientId = "sfp-demo-client";
    public const string ClientSecret = "sfp-demo-secret";

    private static readonly HttpClient Control = new();

    public static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public static ShareFileConnectionSettings Settings(
        EmulatorServer server, string user = AdminEmail, string password = AdminPassword, string secret = ClientSecret) =>
        Settings(server.BaseUri, user, password, secret);

    public static ShareFileConnectionSettings Settings(
        Uri origin, string user = AdminEmail, string password = AdminPassword, string secret = ClientSecret) => new()
    {
        Subdomain = "acme",
        Username = user,
        Password = Secure(password),
        ClientId = ClientId,
        ClientSecret = Secure(secret),
        BaseAddressOverride = origin,
    };

    /// <summary>Small delays so retry tests run fast; the attempt timeout stays generous for a busy machine.</summary>
    public static ShareFileResilienceOptions FastOptions(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(20),
    };

    public static ShareFileClient Client(EmulatorServer server, RecordingTrace trace = null, ShareFileResilienceOptions options = null,
        string user = AdminEmail, string password = AdminPassword, string secret = ClientSecret) =>
        new(Settings(server, user, password, secret), options ?? FastOptions(), trace);

    /// <summary>The seeded ShareFile app's service principal in the Graph emulator's default seed.</summary>
    public const string ServicePrincipalId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9";

    /// <summary>An Entra source on the emulator's Graph with a static token, scoped to the seeded ShareFile app.</summary>
    public static Task<Engine.Source.EntraSource> EntraAsync(EmulatorServer server) => Engine.Source.EntraSource.ConnectAsync(
        new Engine.Source.Authentication.SourceSignInSettings { AccessToken = Secure("any-token"), GraphBaseUri = new Uri(server.BaseUri + "v1.0") },
        new Engine.Source.SourceAppSelector { ServicePrincipalId = ServicePrincipalId }, null, System.Threading.CancellationToken.None);

    public static Task InjectFaultAsync(EmulatorServer server, object rule) =>
        PostAsync(server, "_emulator/faults", JToken.FromObject(rule));

    public static async Task ClearFaultsAsync(EmulatorServer server)
    {
        using var response = await Control.DeleteAsync(new Uri(server.BaseUri, "_emulator/faults"));
        response.EnsureSuccessStatusCode();
    }

    public static Task SetLatencyAsync(EmulatorServer server, int milliseconds) =>
        PostAsync(server, "_emulator/latency", new JObject { ["milliseconds"] = milliseconds });

    public static Task ExpireTokensAsync(EmulatorServer server) => PostAsync(server, "_emulator/sharefile/tokens/expire", null);

    public static Task ResetAsync(EmulatorServer server) => PostAsync(server, "_emulator/reset", null);

    /// <summary>Request counts keyed "METHOD /route"; the payload may be flat or under "counts".</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RequestCountsAsync(EmulatorServer server)
    {
        var text = await Control.GetStringAsync(new Uri(server.BaseUri, "_emulator/requests"));
        var json = JObject.Parse(text);
        var counts = json["counts"] as JObject ?? json;
        return counts.Properties().Where(p => p.Value.Type == JTokenType.Integer)
            .ToDictionary(p => p.Name, p => (int)p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Sum of counts whose key is exactly <paramref name="methodAndRoute"/> (ignoring case).</summary>
    public static async Task<int> CountAsync(EmulatorServer server, string methodAndRoute)
    {
        var counts = await RequestCountsAsync(server);
        return counts.TryGetValue(methodAndRoute, out var n) ? n : 0;
    }

    /// <summary>Sum of counts whose key starts with the prefix, e.g. "GET /sf/v3/Accounts/Employees".</summary>
    public static async Task<int> CountPrefixAsync(EmulatorServer server, string prefix)
    {
        var counts = await RequestCountsAsync(server);
        return counts.Where(p => p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value);
    }

    /// <summary>A loopback port nothing listens on: connections are refused at once.</summary>
    public static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task PostAsync(EmulatorServer server, string path, JToken body)
    {
        using var content = new StringContent(body?.ToString() ?? "{}", Encoding.UTF8, "application/json");
        using var response = await Control.PostAsync(new Uri(server.BaseUri, path), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Emulator control {path} answered {(int)response.StatusCode}: {text}");
    }
}

/// <summary>Collects trace lines so tests can check what the engine writes (and that secrets stay out).</summary>
internal sealed class RecordingTrace : Engine.Diagnostics.IEngineTrace
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public void Verbose(string message)
    {
        lock (_lines) _lines.Add("VERBOSE " + message);
    }

    public void Debug(string message)
    {
        lock (_lines) _lines.Add("DEBUG " + message);
    }
}

/// <summary>Writes a custom ShareFile seed to a temp file (format of the emulator's ShareFileSeed).</summary>
internal sealed class TempSeed : IDisposable
{
    public TempSeed(JObject seed)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sfp-seed-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(Path, seed.ToString());
    }

    public string Path { get; }

    /// <summary>The default account and logins plus <paramref name="employees"/> extra employees; optional token lifetime.</summary>
    public static TempSeed Standard(int employees = 0, int tokenLifetimeSeconds = 28800, bool strict = false, int userMax = 50)
    {
        var users = new JArray
        {
            new JObject
            {
                ["email"] = ShareFileTestKit.UserEmail, ["password"] = ShareFileTestKit.UserPassword,
                ["firstName"] = "Uma", ["lastName"] = "User", ["company"] = "Acme", ["type"] = "Employee", ["roles"] = new JArray("Employee", "CanChangePassword"),
            },
        };
        for (var i = 1; i <= employees; i++)
        {
            users.Add(new JObject
            {
                ["email"] = $"employee{i}@acme.com", ["firstName"] = "Emp", ["lastName"] = "Number" + i, ["company"] = "Acme", ["type"] = "Employee",
            });
        }

        return new TempSeed(new JObject
        {
            ["account"] = new JObject
            {
                ["subdomain"] = "acme", ["company"] = "Acme", ["appcp"] = "sharefile.com", ["apicp"] = "sf-api.com", ["userMax"] = userMax,
                ["preferences"] = new JObject { ["useStrictEmployeeDefinition"] = strict, ["employeeEmailDomains"] = "acme.com; Acme.co.uk" },
            },
            ["oAuth"] = new JObject { ["clientId"] = ShareFileTestKit.ClientId, ["clientSecret"] = ShareFileTestKit.ClientSecret },
            ["tokenLifetimeSeconds"] = tokenLifetimeSeconds,
            ["admin"] = new JObject
            {
                ["email"] = ShareFileTestKit.AdminEmail, ["password"] = ShareFileTestKit.AdminPassword,
                ["firstName"] = "Ada", ["lastName"] = "Admin", ["company"] = "Acme", ["type"] = "Employee",
            },
            ["users"] = users,
            ["groups"] = new JArray(),
        });
    }

    public void Dispose()
    {
        try { File.Delete(Path); } catch (IOException) { }
    }
}
