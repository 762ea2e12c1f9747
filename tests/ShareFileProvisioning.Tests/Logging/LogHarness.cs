using System.Collections.Generic;
using System.Threading;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Tests.Logging;

/// <summary>Writes whole cycles for the store tests.</summary>
internal static class LogHarness
{
    public const string Tenant = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f";

    public static ProvisioningLogRecord Record(ProvisioningCycleContext cycle, ProvisioningAction action, ProvisioningResult status, string name, string upn = null)
    {
        var b = ProvisioningLogRecord.For(cycle, action).Source("id-" + name, name, "User", upn ?? name.ToLowerInvariant().Replace(' ', '.') + "@contoso.example")
            .Step(ProvisioningStepType.Import, "EntryImport", ProvisioningResult.Success);
        return status switch
        {
            ProvisioningResult.Failure => b.Failed("EntryConflict", "conflict for " + name).Build(),
            ProvisioningResult.Skipped => b.Skipped("out of scope").Build(),
            ProvisioningResult.Warning => b.Warning("W", "warn").Build(),
            _ => b.Build(),
        };
    }

    /// <summary>One complete cycle started at <paramref name="startedAt"/> with the given records.</summary>
    public static async Task<ProvisioningCycleContext> Cycle(ILogStore store, DateTimeOffset startedAt, params (ProvisioningAction Action, ProvisioningResult Status, string Name)[] records)
    {
        var cycle = ProvisioningCycleContext.Start("contoso", Tenant, "Incremental", now: startedAt);
        using var writer = await store.BeginCycleAsync(cycle, CancellationToken.None);
        foreach (var r in records) await writer.WriteAsync(Record(cycle, r.Action, r.Status, r.Name), CancellationToken.None);
        await writer.CompleteAsync(new CycleCompletion { Status = "Succeeded", Requests = 7 }, new LogRetentionSettings { Days = 0 }, CancellationToken.None);
        return cycle;
    }
}
