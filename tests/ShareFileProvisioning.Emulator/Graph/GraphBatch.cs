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
/// POST /v1.0/$batch (JSON batching): at most 20 requests, executed one by one over loopback against this same
/// host, so each step passes the request log and fault injection like a real Graph step (inner 429s happen).
/// A step whose dependsOn step failed answers 424 Failed Dependency.
/// </summary>
internal static class GraphBatch
{
    private const int MaxRequests = 20;
    private static readonly HttpClient Loopback = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public static async Task<JObject> Handle(HttpContext ctx)
    {
        string text;
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

        var status = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new JArray();
        foreach (var step in Order(steps))
        {
            JObject response;
            if (step.DependsOn.Any(d => status[d] >= 400))
                response = new JObject
                {
                    ["id"] = step.Id, ["status"] = 424,
                    ["body"] = new JObject { ["error"] = new JObject { ["code"] = "BadRequest", ["message"] = "Failed dependency" } },
                };
            else
                response = await Execute(ctx, step).ConfigureAwait(false);
            status[step.Id] = (int)response["status"];
            responses.Add(response);
        }
        return new JObject { ["responses"] = responses };
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
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.StartsWith("http", StringComparison.Ordinal))
            throw GraphError.BadRequest($"Invalid batch payload format: request '{id}' must use a relative url.");
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

    /// <summary>Dates stay the strings the step returned (JToken.Parse would reformat them).</summary>
    private static JToken ParseKeepingDates(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.Load(reader);
    }

    private static async Task<JObject> Execute(HttpContext ctx, Step step)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), GraphHttp.V1(ctx) + step.Url.TrimStart('/'));
        var authorization = ctx.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        string contentType = null;
        foreach (var h in step.Headers.Properties())
        {
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
            result["body"] = response.Content.Headers.ContentType?.MediaType == "application/json" ? ParseKeepingDates(text) : text;
        return result;
    }
}
