using System.Diagnostics;
using System.Threading;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>Retries, throttling, dropped connections and cancellation over real HTTP (faults injected after sign-in).</summary>
public class ShareFileResilienceTests
{
    private static async Task<(EmulatorServer Server, ShareFileClient Client)> ConnectedAsync(int maxRetries = 3)
    {
        var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var client = Client(server, options: FastOptions(maxRetries));
        await client.ConnectAsync(default);
        return (server, client);
    }

    [Fact]
    public async Task Throttled_call_waits_at_least_Retry_After_then_succeeds()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 429, count = 1, retryAfterSeconds = 1 });

        var watch = Stopwatch.StartNew();
        var user = await client.GetCurrentUserAsync(default);
        watch.Stop();

        Assert.NotNull(user);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"returned after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(2, await CountAsync(server, "GET /sf/v3/Users"));
        var metrics = client.Metrics;
        Assert.Equal(1, metrics.ThrottledResponses);
        Assert.Equal(1, metrics.Retries);
        Assert.True(metrics.ThrottleWaitTotal >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_success()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 503, count = 2 });

        await client.GetCurrentUserAsync(default);

        Assert.Equal(3, await CountAsync(server, "GET /sf/v3/Users"));
        Assert.Equal(2, client.Metrics.Retries);
    }

    [Fact]
    public async Task Server_error_on_GET_is_retried()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 500, count = 1 });

        await client.GetCurrentUserAsync(default);

        Assert.Equal(2, await CountAsync(server, "GET /sf/v3/Users"));
    }

    [Fact]
    public async Task Server_error_on_POST_is_not_retried_and_surfaces_the_status()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 500, count = 1 });

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() =>
            client.CreateClientAsync(new SfCreateClientRequest { Email = "retry500@partner.com", FirstName = "R", LastName = "F" }, false, false, default));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("POST", ex.Method);
        Assert.Equal(1, await CountAsync(server, "POST /sf/v3/Users"));
    }

    [Fact]
    public async Task Service_unavailable_on_POST_is_retried_because_nothing_was_processed()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 503, count = 1 });

        var created = await client.CreateClientAsync(new SfCreateClientRequest { Email = "retry503@partner.com", FirstName = "R", LastName = "S" }, false, false, default);

        Assert.Equal("retry503@partner.com", created.Email, ignoreCase: true);
        Assert.Equal(2, await CountAsync(server, "POST /sf/v3/Users"));
    }

    [Fact]
    public async Task Exhausted_retries_surface_the_last_status()
    {
        var (server, client) = await ConnectedAsync(maxRetries: 2);
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { status = 503, count = 5 });

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetAccountAsync(default));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, await CountAsync(server, "GET /sf/v3/Accounts"));
    }

    [Fact]
    public async Task Dropped_connection_on_GET_is_retried()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { kind = "drop", count = 1 });

        var account = await client.GetAccountAsync(default);

        Assert.NotNull(account);
        Assert.Equal(2, await CountAsync(server, "GET /sf/v3/Accounts"));
    }

    [Fact]
    public async Task Dropped_connection_on_POST_is_not_retried()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { kind = "drop", count = 1 });

        var ex = await Assert.ThrowsAsync<ShareFileConnectionException>(() => client.CreateGroupAsync("Dropped", true, null, default));

        Assert.Contains("Could not reach ShareFile", ex.Message);
        Assert.Equal(1, await CountAsync(server, "POST /sf/v3/Groups"));
        var groups = await client.ListGroupsAsync(null, default);
        Assert.DoesNotContain(groups, g => g.Name == "Dropped");
    }

    [Fact]
    public async Task Pending_call_is_cancelled_promptly()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await SetLatencyAsync(server, 10_000);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCurrentUserAsync(cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"cancelled after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(0, client.Metrics.Retries);
    }

    [Fact]
    public async Task Slow_attempt_times_out_and_idempotent_call_is_retried_once_then_reported()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var options = FastOptions(maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(400);
        using var client = Client(server, options: options);
        await client.ConnectAsync(default);
        await SetLatencyAsync(server, 3_000);

        var ex = await Assert.ThrowsAsync<ShareFileConnectionException>(() => client.GetAccountAsync(default));

        Assert.Contains("did not answer", ex.Message);
        Assert.Equal(2, await CountAsync(server, "GET /sf/v3/Accounts"));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_server_faults_and_calls_fail_fast()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var options = FastOptions(maxRetries: 0);
        options.CircuitBreakerMinimumThroughput = 3; // the sign-in is the first (successful) sample
        options.CircuitBreakerFailureRatio = 0.6;
        options.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        using var client = Client(server, options: options);
        await client.ConnectAsync(default);
        await InjectFaultAsync(server, new { status = 500, count = 50 });

        await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetAccountAsync(default));
        await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetAccountAsync(default));
        var ex = await Assert.ThrowsAsync<ShareFileConnectionException>(() => client.GetAccountAsync(default));

        Assert.Contains("paused", ex.Message);
        Assert.Equal(2, await CountAsync(server, "GET /sf/v3/Accounts"));
    }

    [Fact]
    public async Task Maintenance_redirect_is_reported_as_MaintenanceMode_and_not_followed()
    {
        var (server, client) = await ConnectedAsync();
        await using var _ = server;
        using var __ = client;
        await InjectFaultAsync(server, new { kind = "maintenance", count = 1 });

        var ex = await Assert.ThrowsAsync<ShareFileApiException>(() => client.GetAccountAsync(default));

        Assert.Equal(ShareFileErrorReason.MaintenanceMode, ex.Reason);
        Assert.InRange(ex.StatusCode, 300, 399);
        Assert.Contains("maintenance", ex.Message);
    }

    [Fact]
    public async Task Unreachable_host_is_a_connection_error_naming_the_address()
    {
        var port = ClosedLoopbackPort();
        using var client = new ShareFileClient(Settings(new Uri($"http://127.0.0.1:{port}/")), FastOptions());

        var ex = await Assert.ThrowsAsync<ShareFileConnectionException>(() => client.ConnectAsync(default));

        Assert.Contains($"127.0.0.1:{port}", ex.Message);
    }
}
