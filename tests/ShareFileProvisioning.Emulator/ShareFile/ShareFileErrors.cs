using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>A rejected ShareFile API call; the endpoint layer turns it into ShareFile's error body.</summary>
public sealed class ShareFileApiException(int status, string reason, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Reason { get; } = reason;

    public static ShareFileApiException BadRequest(string message, string reason = "BadRequest") => new(400, reason, message);
    public static ShareFileApiException NotFound(string message) => new(404, "NotFound", message);
    public static ShareFileApiException Conflict(string message) => new(409, "Conflict", message);
    public static ShareFileApiException NotAuthorized(string message) => new(403, "NotAuthorized", message);
}

/// <summary>Writes JSON responses and ShareFile's error shape (docs/sharefile-api.md, 'Errors').</summary>
public static class ShareFileErrors
{
    private static readonly JsonSerializerSettings NoNulls = new() { NullValueHandling = NullValueHandling.Ignore };

    /// <summary>HttpStatusCode name, e.g. 429 → TooManyRequests, as ShareFile puts in "code".</summary>
    public static string CodeFor(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : status.ToString();

    public static JObject Body(int status, string reason, string message)
    {
        var body = new JObject
        {
            ["code"] = CodeFor(status),
            ["message"] = new JObject { ["lang"] = "en-US", ["value"] = message },
        };
        if (reason != null) body["reason"] = reason;
        return body;
    }

    public static Task WriteAsync(HttpContext context, int status, string reason, string message) =>
        WriteJsonAsync(context, status, Body(status, reason, message));

    public static async Task WriteJsonAsync(HttpContext context, int status, JToken body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(body.ToString(Formatting.None));
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
