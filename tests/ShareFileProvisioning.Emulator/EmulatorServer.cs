using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Emulator;

/// <summary>
/// One Kestrel host on loopback serving the ShareFile API (/oauth/token, /sf/v3/…), Microsoft Graph (/v1.0/…)
/// and the test control surface (/_emulator/…). Tests start it in-process; the demo starts it as a process.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseUri, EmulatorControl control, ShareFileState shareFile, GraphState graph)
    {
        _app = app;
        BaseUri = baseUri;
        Control = control;
        ShareFile = shareFile;
        Graph = graph;
    }

    /// <summary>Origin such as http://127.0.0.1:41234/ (trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>Faults, latency and the request log (also reachable over HTTP under /_emulator/).</summary>
    public EmulatorControl Control { get; }

    public ShareFileState ShareFile { get; }

    public GraphState Graph { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Signals belong to whoever hosts the emulator: the console lifetime would swallow SIGTERM/SIGINT of a test
        // process (and of Program, which stops the server itself), so the host gets a lifetime that ignores them.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");

        var control = new EmulatorControl();
        var shareFile = options.ShareFileSeed != null ? ShareFileState.FromSeed(options.ShareFileSeed) : ShareFileState.Load(options.ShareFileSeedPath);
        var graph = GraphState.Load(options.GraphSeedPath);
        builder.Services.AddSingleton(control);
        builder.Services.AddSingleton(shareFile);
        builder.Services.AddSingleton(graph);

        var app = builder.Build();
        // Order matters: the log sees every request, faults and latency come before any route.
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        ControlEndpoints.Map(app, control, shareFile, graph);
        ShareFileEndpoints.Map(app, shareFile);
        GraphEndpoints.Map(app, graph);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/"), control, shareFile, graph);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A host lifetime that registers no signal handlers: the emulator's owner decides when it stops.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
