using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// POST /v1.0/$batch (JSON batching, docs/graph-api.md): at most 20 requests with unique ids. Each step is executed
/// over loopback against this same host, so it passes fault injection like a real Graph step (a step can be throttled
/// with its own Retry-After while its neighbours succeed) and is logged as "GET /v1.0/… in $batch". Steps without
/// dependsOn run concurrently, as Graph runs them; a step waits for the steps it depends on, and answers 424 Failed
/// Dependency when one of them failed. Responses come back in completion order, not payload order, as Graph allows.
/// </summary>
internal static class GraphBatch
{
    private const int MaxRequests = 20;
    private static readonly HttpClient Loopback = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private static readonly string[] Methods = { "GET", "POST", "PATCH", "PUT", "DELETE" };

    /// <summary>Marks the loopback request of a step; the value is per process, so no client can pose as a step.</summary>
    private const string StepHeader = "X-Emulator-Batch-Step";
    private static readonly string StepMarker = Guid.NewGuid().ToString("N");

    /// <summary>True for a step's loopback request: it is not a request on the wire and the batch already paid the latency.</summary>
    public static bool IsStep(HttpContext ctx) => ctx.Request.Headers.TryGetValue(StepHeader, out var v) && v.ToString() == StepMarker;

    public static async Task<JObject> Handle(HttpContext ctx)
    {
        string text;
        if (!string.Equals(ctx.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
            throw GraphError.BadRequest("Invalid batch payload format: the Content-Type must be application/json.");
        if (IsStep(ctx)) throw GraphError.BadRequest("Invalid batch payload format: a batch cannot contain a batch.");
        using (var reader = new StreamReader(ctx.Request.Body))
            text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        JArray requests;
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            requests = JObject.Load(json)["requests"] as JArray ?? throw GraphError.BadRequest("Invalid batch payload format: 'requests' is missing.");
        }
        catch (JsonException)
        {
            throw GraphError.BadRequest("Invalid batch payload format: the body is not JSON.");
        }
        if (requests.Count == 0) throw GraphError.BadRequest("Invalid batch payload format: 'requests' is empty.");
        if (requests.Count > MaxRequests) throw GraphError.BadRequest($"Invalid batch payload format: the number of requests ({requests.Count}) exceeds the limit of {MaxRequests}.");

        var steps = requests.Select(Validate).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in steps)
            if (!ids.Add(s.Id)) throw GraphError.BadRequest($"Invalid batch payload format: duplicate request id '{s.Id}'.");
        foreach (var s in steps)
            foreach (var d in s.DependsOn)
                if (!ids.Contains(d)) throw GraphError.BadRequest($"Invalid batch payload format: request '{s.Id}' depends on unknown request '{d}'.");

        var responses = new JArray();
        var running = new Dictionary<string, Task<JObject>>(StringComparer.Ordinal);
        foreach (var step in Order(steps))
            running[step.Id] = Run(ctx, step, step.DependsOn.Select(d => running[d]).ToArray(), responses);
        await Task.WhenAll(running.Values).ConfigureAwait(false);
        return new JObject { ["responses"] = responses };
    }

    /// <summary>Waits for the step's dependencies, runs it (or answers 424) and appends its response as it completes.</summary>
    private static async Task<JObject> Run(HttpContext ctx, Step step, Task<JObject>[] dependencies, JArray responses)
    {
        var results = await Task.WhenAll(dependencies).ConfigureAwait(false);
        var response = results.Any(r => (int)r["status"] >= 400)
            ? new JObject
            {
                ["id"] = step.Id, ["status"] = 424,
                ["body"] = new JObject { ["error"] = new JObject { ["code"] = "BadRequest", ["message"] = "Failed dependency" } },
            }
            : await Execute(ctx, step).ConfigureAwait(false);
        lock (responses) responses.Add(response);
        return response;
    }

    private sealed record Step(string Id, string Method, string Url, JObject Headers, JToken Body, string[] DependsOn);

    private static Step Validate(JToken token)
    {
        if (token is not JObject r) throw GraphError.BadRequest("Invalid batch payload format: each request must be an object.");
        var id = (string)r["id"];
        var method = (string)r["method"];
        var url = (string)r["url"];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(method) || string.IsNullOrEmpty(url))
            throw GraphError.BadRequest("Invalid batch payload format: every request needs id, method and url.");
        if (!Methods.Contains(method.ToUpperInvariant()))
            throw GraphError.BadRequest($"Invalid batch payload format: request '{id}' has an unsupported method '{method}'.");
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.StartsWith("http", StringComparison.Ordinal))
            throw GraphError.BadRequest($"Invalid batch payload format: request '{id}' must use a relative url.");
        if (url.TrimStart('/').StartsWith("$batch", StringComparison.OrdinalIgnoreCase))
            throw GraphError.BadRequest($"Invalid batch payload format: request '{id}' cannot be a batch.");
        var headers = r["headers"] as JObject ?? new JObject();
        var body = r["body"];
        if (body != null && body.Type != JTokenType.Null && !headers.Properties().Any(p => string.Equals(p.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)))
            throw GraphError.BadRequest($"Invalid batch payload format: request '{id}' has a body but no Content-Type header.");
        var dependsOn = (r["dependsOn"] as JArray)?.Select(d => (string)d).ToArray() ?? Array.Empty<string>();
        return new Step(id, method.ToUpperInvariant(), url, headers, body, dependsOn);
    }

    /// <summary>Dependencies first; otherwise payload order. Cycles are rejected.</summary>
    private static IEnumerable<Step> Order(List<Step> steps)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Step>();
        while (ordered.Count < steps.Count)
        {
            var next = steps.FirstOrDefault(s => !done.Contains(s.Id) && s.DependsOn.All(done.Contains))
                ?? throw GraphError.BadRequest("Invalid batch payload format: dependsOn forms a cycle.");
            done.Add(next.Id);
            ordered.Add(next);
        }
        return ordered;
    }

    private static async Task<JObject> Execute(HttpContext ctx, Step step)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), GraphHttp.V1(ctx) + step.Url.TrimStart('/'));
        request.Headers.TryAddWithoutValidation(StepHeader, StepMarker);
        var authorization = ctx.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        string contentType = null;
        foreach (var h in step.Headers.Properties())
        {
            // Graph authorizes every step with the batch's own token.
            if (string.Equals(h.Name, StepHeader, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Name, "Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(h.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = (string)h.Value;
            else request.Headers.TryAddWithoutValidation(h.Name, (string)h.Value);
        }
        if (step.Body != null && step.Body.Type != JTokenType.Null)
        {
            var payload = step.Body.Type == JTokenType.String ? (string)step.Body : step.Body.ToString(Formatting.None);
            request.Content = new StringContent(payload, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Loopback.SendAsync(request, ctx.RequestAborted).ConfigureAwait(false);
        var headers = new JObject();
        foreach (var h in response.Headers.Concat(response.Content.Headers))
            if (h.Key is "Content-Type" or "Retry-After" or "Location" or "request-id" or "client-request-id")
                headers[h.Key] = string.Join(",", h.Value);
        var text = await response.Content.ReadAsStringAsync(ctx.RequestAborted).ConfigureAwait(false);
        var result = new JObject { ["id"] = step.Id, ["status"] = (int)response.StatusCode, ["headers"] = headers };
        if (text.Length > 0)
            // A JSON body is embedded as the step wrote it (dates and all), without parsing it again.
            result["body"] = response.Content.Headers.ContentType?.MediaType == "application/json" ? new JRaw(text) : text;
        return result;
    }
}
