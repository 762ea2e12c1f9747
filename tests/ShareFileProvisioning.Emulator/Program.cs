using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Emulator;

// Command line: dotnet run --project tests/ShareFileProvisioning.Emulator -- --port 5100 --sharefile-seed seeds/sharefile.json --graph-seed seeds/graph.json
var options = new EmulatorOptions();
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Next()); break;
        case "--host": options.Host = Next(); break;
        case "--sharefile-seed": options.ShareFileSeedPath = Next(); break;
        case "--graph-seed": options.GraphSeedPath = Next(); break;
        case "--help":
        case "-h":
            Console.WriteLine("ShareFileProvisioning.Emulator [--port N] [--host 127.0.0.1] [--sharefile-seed file.json] [--graph-seed file.json]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --help.");
            return 2;
    }
}

using var stop = new CancellationTokenSource();
// SIGTERM (tests, scripts, CI) and SIGINT (Ctrl+C) both stop the host and end the process, so no orphan keeps the port.
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
await using var server = await EmulatorServer.StartAsync(options, stop.Token);
// The first line is machine-readable so scripts (build.ps1 Demo) can find the port.
Console.WriteLine($"Listening on {server.BaseUri}");
Console.Out.Flush();
try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
return 0;
