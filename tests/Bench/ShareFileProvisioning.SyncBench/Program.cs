using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Sync;
using ShareFileProvisioning.SyncBench;

// dotnet ShareFileProvisioning.SyncBench.dll [--initial-users 10000] [--tenant-users 100000] [--latency 50] [--throttle 16] [--changes 10]
//     [--groups 2000] [--group-users 10000] [--max-members 500] [--trace]
var initialUsers = 10_000;
var tenantUsers = 100_000;
var latency = 50;
var throttle = 16;
var changes = 10;
var groups = 0;
var groupUsers = 10_000;
var maxMembers = 500;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--initial-users": initialUsers = int.Parse(args[++i]); break;
        case "--tenant-users": tenantUsers = int.Parse(args[++i]); break;
        case "--latency": latency = int.Parse(args[++i]); break;
        case "--throttle": throttle = int.Parse(args[++i]); break;
        case "--changes": changes = int.Parse(args[++i]); break;
        case "--groups": groups = int.Parse(args[++i]); break;
        case "--group-users": groupUsers = int.Parse(args[++i]); break;
        case "--max-members": maxMembers = int.Parse(args[++i]); break;
        case "--trace": SyncBenchHost.Trace = new ShareFileProvisioning.Bench.TimedTrace(); break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'.");
            return 2;
    }
}

var ok = true;
if (initialUsers > 0) ok &= await InitialAsync();
if (tenantUsers > 0) ok &= await IncrementalAsync();
if (groups > 0) ok &= await GroupsAsync();
Console.WriteLine(ok ? "Sync targets met." : "SYNC TARGET MISSED (see above).");
return ok ? 0 : 1;

async Task<bool> InitialAsync()
{
    Console.WriteLine($"== Initial sync: {initialUsers:N0} assigned users into an empty ShareFile, {latency} ms per request, ThrottleLimit {throttle}");
    await using var host = await SyncBenchHost.StartAsync(initialUsers, shareFileHoldsAll: false);
    host.Server.Control.SetLatency(latency);
    host.Server.Control.ClearRequestLog();
    var watch = Stopwatch.StartNew();
    var summary = await SyncService.RunAsync(host.Request(throttle), null, CancellationToken.None);
    var wall = watch.Elapsed;
    var requests = host.Requests();
    var writes = summary.Succeeded;
    var shareFileRequests = requests.Where(p => p.Key.Contains("/sf/v3/") || p.Key.Contains("/oauth/")).Sum(p => p.Value);
    var pagedReads = requests.Where(p => p.Key.StartsWith("GET /sf/v3/Accounts", StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value);
    var writeTime = wall - summary.PlanningTime;
    var achieved = writes / Math.Max(0.001, writeTime.TotalSeconds);
    var ideal = throttle / (latency / 1000.0);
    // Floor: every write takes one latency and ThrottleLimit of them are in flight at once.
    var floor = TimeSpan.FromMilliseconds(writes * (double)latency / throttle);
    var perObject = (shareFileRequests - pagedReads) / (double)Math.Max(1, writes);
    Console.WriteLine("| Measure                              | Value          |");
    Console.WriteLine("|--------------------------------------|----------------|");
    Row("Result", $"{summary.Status}: {summary.Succeeded:N0} ok, {summary.Failed:N0} failed");
    Row("Wall time (plan + apply)", $"{wall.TotalSeconds:0.0} s");
    Row("Planning (Graph + ShareFile reads)", $"{summary.PlanningTime.TotalSeconds:0.0} s");
    Row("Applying", $"{writeTime.TotalSeconds:0.0} s");
    Row($"Floor ({writes:N0} writes × {latency} ms / {throttle})", $"{floor.TotalSeconds:0.0} s");
    Row("Applying ÷ floor", $"{writeTime.TotalSeconds / Math.Max(0.001, floor.TotalSeconds):0.00}");
    Row("ShareFile requests (all)", $"{shareFileRequests:N0}");
    Row("ShareFile requests beyond paged reads", $"{shareFileRequests - pagedReads:N0}");
    Row("Requests per changed object", $"{perObject:0.00}");
    Row("Achieved writes/s (applying)", $"{achieved:0}");
    Row("Ideal ThrottleLimit/latency", $"{ideal:0}");
    Row("Achieved / ideal", $"{achieved / ideal:P1}");
    Routes(requests);
    var met = Target($"write rate ≥ 95 % of ideal ({achieved / ideal:P1})", achieved / ideal >= 0.95)
        & Target($"≤ 1.1 ShareFile requests per changed object ({perObject:0.00})", perObject <= 1.1)
        & Target($"no failed write ({summary.Failed:N0})", summary.Failed == 0);
    return met;
}

async Task<bool> IncrementalAsync()
{
    Console.WriteLine($"== Incremental sync: {changes} changes in a {tenantUsers:N0}-user tenant, {latency} ms per request, ThrottleLimit {throttle}");
    await using var host = await SyncBenchHost.StartAsync(tenantUsers, shareFileHoldsAll: true);
    var setup = Stopwatch.StartNew();
    var first = await SyncService.RunAsync(host.Request(throttle), null, CancellationToken.None);   // adopts everyone, no latency
    Console.WriteLine($"(setup: initial cycle adopted {first.Succeeded:N0} users in {setup.Elapsed.TotalSeconds:0.0} s)");
    var users = host.Graph.Users.Where(u => u.AccountEnabled).Take(changes).ToList();
    foreach (var u in users) host.Server.Graph.UpdateUser(u.Id, "surname", u.Surname + "-changed");
    host.Server.Control.SetLatency(latency);
    host.Server.Control.ClearRequestLog();
    var watch = Stopwatch.StartNew();
    var summary = await SyncService.RunAsync(host.Request(throttle), null, CancellationToken.None);
    var wall = watch.Elapsed;
    var requests = host.Requests();
    var total = requests.Where(p => !p.Key.EndsWith(" in $batch", StringComparison.Ordinal)).Sum(p => p.Value);   // on the wire
    // The emulator logs every Graph call under one catch-all route: count the assignment pages by reading them the same way.
    var assignmentPages = await host.CountAssignmentPagesAsync();
    var budget = assignmentPages + 3 * changes + 10;
    // Floor: Graph has no delta for app role assignments, so the cycle re-lists them, one page after the other.
    var floor = TimeSpan.FromMilliseconds(assignmentPages * (double)latency);
    Console.WriteLine("| Measure                              | Value          |");
    Console.WriteLine("|--------------------------------------|----------------|");
    Row("Result", $"{summary.CycleType} {summary.Status}: {summary.Succeeded:N0} ok, {summary.Failed:N0} failed");
    Row("Wall time", $"{wall.TotalSeconds:0.00} s");
    Row($"Floor ({assignmentPages:N0} sequential pages × {latency} ms)", $"{floor.TotalSeconds:0.00} s");
    Row("Wall ÷ floor", $"{wall.TotalSeconds / Math.Max(0.001, floor.TotalSeconds):0.00}");
    Row("Planning (lock to plan)", $"{summary.PlanningTime.TotalSeconds:0.00} s");
    var t = summary.PlanTimings;
    Row("  reading source / state / target", $"{t.ReadingSource.TotalSeconds:0.00} / {t.ReadingState.TotalSeconds:0.00} / {t.ReadingTarget.TotalSeconds:0.00} s");
    Row("  computing", $"{t.Computing.TotalSeconds:0.00} s");
    Row("Applying", $"{(wall - summary.PlanningTime).TotalSeconds:0.00} s");
    Row("Requests (Graph + ShareFile)", $"{total:N0}");
    Row("Assignment pages", $"{assignmentPages:N0}");
    Row("Budget (pages + 3/change + 10)", $"{budget:N0}");
    Routes(requests);
    var met = Target($"incremental cycle ({summary.CycleType})", summary.CycleType == ShareFileProvisioning.Engine.Planning.PlanCycleType.Incremental)
        & Target($"every change applied ({summary.Succeeded:N0} of {changes})", summary.Succeeded == changes)
        & Target($"requests within budget ({total:N0} ≤ {budget:N0})", total <= budget)
        & Target($"wall ≤ 6.5 s ({wall.TotalSeconds:0.00} s)", wall.TotalSeconds <= 6.5);
    return met;
}

async Task<bool> GroupsAsync()
{
    Console.WriteLine($"== Initial sync with groups: {groups:N0} assigned groups of up to {maxMembers} members over {groupUsers:N0} assigned users, empty ShareFile, {latency} ms per request, ThrottleLimit {throttle}");
    await using var host = await SyncBenchHost.StartAsync(groupUsers, shareFileHoldsAll: false, seed => GroupBench.AddGroups(seed, groups, maxMembers));
    var configuration = ShareFileProvisioning.Engine.Configuration.ProvisioningConfiguration.CreateDefault();
    configuration.GroupProvisioning.Enabled = true;
    host.Server.Control.SetLatency(latency);
    host.Server.Control.ClearRequestLog();
    var watch = Stopwatch.StartNew();
    var results = new List<SyncActionResult>();
    var summary = await SyncService.RunAsync(host.Request(throttle, configuration), r => { lock (results) results.Add(r); }, CancellationToken.None);
    var wall = watch.Elapsed;
    var requests = host.Requests();
    var groupRequests = requests.Where(p => p.Key.Contains("/sf/v3/Groups", StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value);
    var groupResults = results.Where(r => r.ObjectType == ShareFileProvisioning.Engine.Planning.PlanObjectType.Group).ToList();
    var created = groupResults.Count(r => r.Action == ShareFileProvisioning.Engine.Planning.PlanAction.CreateGroup && r.Status == SyncActionStatus.Success);
    var memberships = host.Server.ShareFile.Groups.Sum(g => g.MemberIds.Count);
    // Member reads on the wire: $batch requests (20 groups each) plus any standalone member page.
    var memberRequests = requests.Where(p => p.Key == "POST /v1.0/$batch" || p.Key == "GET /v1.0/groups/{id}/members").Sum(p => p.Value);
    var batches = (groups + 19) / 20;
    var rounds = (batches + throttle - 1) / throttle;
    // Floor: member reads batched 20 per request, ThrottleLimit batches at once, one latency per round.
    var floor = TimeSpan.FromMilliseconds(rounds * (double)latency);
    Console.WriteLine("| Measure                              | Value          |");
    Console.WriteLine("|--------------------------------------|----------------|");
    Row("Result", $"{summary.Status}: {summary.Succeeded:N0} ok, {summary.Failed:N0} failed");
    Row("Groups created / memberships", $"{created:N0} / {memberships:N0}");
    Row("Wall time (plan + apply)", $"{wall.TotalSeconds:0.0} s");
    Row("Planning (Graph + ShareFile reads)", $"{summary.PlanningTime.TotalSeconds:0.00} s");
    Row("  reading source (Graph)", $"{summary.PlanTimings.ReadingSource.TotalSeconds:0.00} s");
    Row($"Floor ({batches:N0} batches / {throttle} × {latency} ms)", $"{floor.TotalSeconds:0.00} s");
    Row("Planning ÷ floor", $"{summary.PlanningTime.TotalSeconds / Math.Max(0.001, floor.TotalSeconds):0.0}");
    Row("Graph member requests (on the wire)", $"{memberRequests:N0}");
    Row("ShareFile group requests", $"{groupRequests:N0}");
    Row("Requests per group", $"{groupRequests / (double)Math.Max(1, groups):0.00}");
    Routes(requests);
    var met = Target($"planning ≤ 6 s ({summary.PlanningTime.TotalSeconds:0.00} s)", summary.PlanningTime.TotalSeconds <= 6)
        & Target($"≤ 120 Graph requests for members ({memberRequests:N0})", memberRequests <= 120)
        & Target($"every group created ({created:N0} of {groups:N0}), no failure ({summary.Failed:N0})", summary.Failed == 0 && created == groups)
        & Target($"≤ 1.05 ShareFile requests per group ({groupRequests / (double)Math.Max(1, groups):0.00})", groupRequests / (double)Math.Max(1, groups) <= 1.05);
    return met;
}

static void Row(string name, string value) => Console.WriteLine($"| {name,-36} | {value,-14} |");

// Steps inside a Graph $batch are listed too ("… in $batch"); they are not requests on the wire.
static void Routes(IReadOnlyDictionary<string, int> requests)
{
    Console.WriteLine("Requests by route:");
    foreach (var p in requests.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)) Console.WriteLine($"  {p.Value,7:N0}  {p.Key}");
}

static bool Target(string what, bool met)
{
    Console.WriteLine($"{(met ? "PASS" : "FAIL")}  {what}");
    return met;
}
