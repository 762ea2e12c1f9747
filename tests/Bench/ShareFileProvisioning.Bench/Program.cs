using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Bench;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;

// dotnet ShareFileProvisioning.Bench.dll --emulator <ShareFileProvisioning.Emulator.dll> [--users 100000] [--groups 2000]
//     [--module <out/ShareFileProvisioning> --repo <repository root>]
// dotnet ShareFileProvisioning.Bench.dll --emulator <…> --report   (the account report scenarios alone)
// dotnet ShareFileProvisioning.Bench.dll --emulator <…> --report-small   (only its small scope: the emails looked up)
string emulatorDll = null;
string modulePath = null;
var repoRoot = Directory.GetCurrentDirectory();
string seedsOnly = null;
var oneAtATime = false;
var report = false;
var reportSmallOnly = false;
var users = 100_000;
var groups = 2_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--emulator": emulatorDll = args[++i]; break;
        case "--users": users = int.Parse(args[++i]); break;
        case "--groups": groups = int.Parse(args[++i]); break;
        case "--seeds-only": seedsOnly = args[++i]; break;
        case "--one-at-a-time": oneAtATime = true; break;
        case "--report": report = true; break;
        case "--report-small": report = true; reportSmallOnly = true; break;
        case "--module": modulePath = Path.GetFullPath(args[++i]); break;
        case "--repo": repoRoot = args[++i]; break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'.");
            return 2;
    }
}
if (seedsOnly != null && report)
{
    ReportBench.WriteSeeds(seedsOnly);
    return 0;
}
if (seedsOnly != null)
{
    // Child process: generating 100,000 users costs memory that must not count as the plan's.
    BenchSeeds.WriteGraph(seedsOnly, users, groups, membersPerGroup: 50);
    BenchSeeds.WriteShareFile(seedsOnly, users);
    return 0;
}
if (emulatorDll == null || !File.Exists(emulatorDll))
{
    Console.Error.WriteLine("Give --emulator <path to ShareFileProvisioning.Emulator.dll> (build first).");
    return 2;
}
if (report) return await ReportBench.RunAsync(emulatorDll, reportSmallOnly) ? 0 : 1;

var folder = Path.Combine(Path.GetTempPath(), "sfp-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine($"Seeding {users:N0} assigned users, {groups:N0} groups; ShareFile holds {users / 2:N0} of them plus 500 unmanaged …");
    var self = typeof(BenchSeeds).Assembly.Location;
    using (var seeding = Process.Start("dotnet", new[] { self, "--seeds-only", folder, "--users", users.ToString(), "--groups", groups.ToString() }))
    {
        seeding.WaitForExit();
        if (seeding.ExitCode != 0) throw new InvalidOperationException("Writing the seeds failed.");
    }
    var graphSeed = Path.Combine(folder, "graph.json");
    var shareFileSeed = Path.Combine(folder, "sharefile.json");

    using var emulator = EmulatorProcess.Start(emulatorDll, shareFileSeed, graphSeed);
    Console.WriteLine($"Emulator (own process) on {emulator.BaseUri}");
    var baseline = Process.GetCurrentProcess().WorkingSet64;

    var (source, shareFile) = await BenchClients.ConnectAsync(emulator.BaseUri);
    using var sourceLifetime = source;
    using var shareFileLifetime = shareFile;

    PlanRequest Request(IProvisioningSource s) => new PlanRequest
    {
        Source = s, ShareFile = shareFile, Configuration = ProvisioningConfiguration.CreateDefault(), ProfileName = "bench",
        Full = true, MaxConcurrency = 8, ReadOneAtATime = oneAtATime,
    };
    await emulator.ClearRequestsAsync();   // the plan's requests only
    PlanResult result;
    var sourceKind = "Entra ID over Graph";
    try
    {
        result = await PlanService.ComputeAsync(Request(source), CancellationToken.None);
    }
    catch (SourceException e)
    {
        // Keeps the computing and target figures measurable while the Graph read has a defect; says so loudly.
        Console.WriteLine($"WARNING: the Graph read failed ({e.Message.Split('\n')[0]}); planning from the same users as pipeline rows instead.");
        sourceKind = "pipeline rows (Graph read failed)";
        result = await PlanService.ComputeAsync(Request(BenchSeeds.PipelineFrom(graphSeed)), CancellationToken.None);
    }

    var plan = result.Plan;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    var managed = GC.GetTotalMemory(true);
    var t = result.Timings;
    Console.WriteLine();
    Console.WriteLine("| Measure                         | Value        |");
    Console.WriteLine("|---------------------------------|--------------|");
    Row("Source", sourceKind);
    Row("Reads", oneAtATime ? "ShareFile, then source" : "concurrent");
    Row("Source users in scope", $"{plan.Summary.SourceUsers:N0}");
    Row("ShareFile users read", $"{plan.Summary.TargetUsers:N0}");
    Row("Reading source (Graph)", $"{t.ReadingSource.TotalSeconds:0.00} s ({t.SourceRequests:N0} req)");
    Row("Reading target (ShareFile)", $"{t.ReadingTarget.TotalSeconds:0.00} s ({t.TargetRequests:N0} req)");
    Row("Reading state", $"{t.ReadingState.TotalSeconds:0.00} s");
    Row("Computing the plan", $"{t.Computing.TotalSeconds:0.00} s");
    Row("Total wall time", $"{t.Total.TotalSeconds:0.00} s");
    Row("Peak working set (process)", $"{peak / 1048576.0:N0} MB");
    Row("Working set before the plan", $"{baseline / 1048576.0:N0} MB");
    Row("GC heap after the plan", $"{managed / 1048576.0:N0} MB");
    Console.WriteLine();
    Console.WriteLine("Plan: " + string.Join(", ", new[] { PlanAction.Create, PlanAction.Adopt, PlanAction.Update, PlanAction.Disable, PlanAction.Skip, PlanAction.Conflict, PlanAction.Unmanaged }
        .Select(a => $"{a} {plan.Summary.Count(a):N0}")));
    Console.WriteLine("Floor: none for computing (CPU only, no request); the reads are reported above.");
    await emulator.PrintRequestsAsync();
    var ok = ModuleStartBench.Target($"computing the plan ≤ 2 s ({t.Computing.TotalSeconds:0.00} s)", t.Computing.TotalSeconds <= 2);
    ok &= ModuleStartBench.Target($"peak working set ≤ 450 MB ({peak / 1048576.0:N0} MB)", peak <= 450L * 1024 * 1024);
    ok &= ModuleStartBench.Run(modulePath, emulatorDll, repoRoot);
    return ok ? 0 : 1;
}
finally
{
    try { Directory.Delete(folder, true); } catch (IOException) { }
}

static void Row(string name, string value) => Console.WriteLine($"| {name,-31} | {value,-12} |");
