using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>
/// The test-only control surface under /_emulator/ (no auth; loopback only). Not logged, never faulted.
/// The same operations exist in-process on <see cref="EmulatorControl"/> and <see cref="ShareFileState"/>.
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerSettings FaultSettings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Error,
        Converters = { new StringEnumConverter() },
    };

    public static bool IsControlPath(string path) =>
        path.Equals(Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase);

    public static void Map(WebApplication app, EmulatorControl control, ShareFileState shareFile, GraphState graph)
    {
        app.MapGet(Prefix + "/state", context => WriteRawJsonAsync(context, shareFile.DumpJson()));
        app.MapGet(Prefix + "/sharefile/state", context => WriteRawJsonAsync(context, shareFile.DumpJson()));
        app.MapPost(Prefix + "/reset", context =>
        {
            shareFile.Reset();
            control.Reset();
            return NoContent(context);
        });
        app.MapPost(Prefix + "/faults", async context =>
        {
            var body = await ReadJsonAsync(context);
            if (body is not (JObject or JArray))
            {
                await BadRequestAsync(context, "Expected a fault rule object or an array of them.");
                return;
            }
            FaultRule[] rules;
            try
            {
                rules = body is JArray array
                    ? array.Select(t => t.ToObject<FaultRule>(JsonSerializer.Create(FaultSettings))).ToArray()
                    : [body.ToObject<FaultRule>(JsonSerializer.Create(FaultSettings))];
                control.InjectFaults(rules);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                await BadRequestAsync(context, "Fault rule rejected: " + e.Message);
                return;
            }
            await NoContent(context);
        });
        app.MapDelete(Prefix + "/faults", context =>
        {
            control.ClearFaults();
            return NoContent(context);
        });
        app.MapPost(Prefix + "/latency", async context =>
        {
            var body = await ReadJsonAsync(context) as JObject;
            var ms = body?.GetValue("milliseconds", StringComparison.OrdinalIgnoreCase);
            if (ms == null || ms.Type != JTokenType.Integer || (int)ms < 0)
            {
                await BadRequestAsync(context, "Expected {\"milliseconds\": <non-negative integer>}.");
                return;
            }
            control.SetLatency((int)ms);
            await NoContent(context);
        });
        app.MapGet(Prefix + "/requests", context =>
        {
            var counts = new JObject();
            foreach (var pair in control.RequestCounts) counts[pair.Key] = pair.Value;
            return WriteRawJsonAsync(context, new JObject { ["total"] = control.TotalRequests, ["counts"] = counts }.ToString(Formatting.Indented));
        });
        app.MapDelete(Prefix + "/requests", context =>
        {
            control.ClearRequestLog();
            return NoContent(context);
        });
        app.MapPost(Prefix + "/sharefile/tokens/expire", context =>
        {
            shareFile.ExpireAccessTokens();
            return NoContent(context);
        });
        app.MapPost(Prefix + "/sharefile/token-lifetime", async context =>
        {
            var seconds = (await ReadJsonAsync(context) as JObject)?.GetValue("seconds", StringComparison.OrdinalIgnoreCase);
            if (seconds == null || seconds.Type != JTokenType.Integer || (int)seconds <= 0)
            {
                await BadRequestAsync(context, "Expected {\"seconds\": <positive integer>}.");
                return;
            }
            shareFile.TokenLifetimeSeconds = (int)seconds;
            await NoContent(context);
        });
    }

    private static async Task<JToken> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JToken.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Task BadRequestAsync(HttpContext context, string message) =>
        ShareFileErrors.WriteJsonAsync(context, 400, new JObject { ["error"] = message });

    private static async Task WriteRawJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
