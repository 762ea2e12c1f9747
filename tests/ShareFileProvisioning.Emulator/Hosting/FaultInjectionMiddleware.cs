using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>Applies the configured latency and faults to every route except the /_emulator/ control surface.</summary>
public sealed class FaultInjectionMiddleware(RequestDelegate next, EmulatorControl control)
{
    public const string MaintenanceUrl = "http://maintenance.sharefile.com/";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (ControlEndpoints.IsControlPath(path))
        {
            await next(context);
            return;
        }

        // The $batch request's own latency stands for its round trip; its steps run concurrently inside it.
        var latency = GraphBatch.IsStep(context) ? TimeSpan.Zero : control.Latency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);

        var fault = control.NextFault(context.Request.Method, path, Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
        if (fault == null)
        {
            await next(context);
            return;
        }

        if (fault.Kind == FaultKind.SlowAnswer)
        {
            await ApplyAndHoldAnswerAsync(context, fault.HoldMilliseconds);
            return;
        }

        if (fault.AfterApply) await ApplyAndLoseAnswerAsync(context);

        switch (fault.Kind)
        {
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.Maintenance:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = MaintenanceUrl;
                return;
        }

        var status = fault.Status;
        if (status == StatusCodes.Status429TooManyRequests || fault.RetryAfterSeconds.HasValue)
            context.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
        var reason = status switch
        {
            429 => "Throttled",
            503 => "ServiceUnavailable",
            401 => "NotAuthenticated",
            403 => "Forbidden",
            404 => "NotFound",
            409 => "Conflict",
            400 => "BadRequest",
            _ => "Unspecified",
        };
        var message = $"Injected fault {status}.";
        if (path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase))
        {
            // Graph's own envelope, innerError with request-id and date included, as real Graph sends it on every error.
            GraphHttp.StampRequestIds(context);
            await GraphHttp.WriteError(context, new GraphError(status, ShareFileErrors.CodeFor(status), message), DateTimeOffset.UtcNow);
            return;
        }
        await ShareFileErrors.WriteAsync(context, status, reason, message);
    }

    /// <summary>Runs the request into a buffer, waits, then sends the answer: the state changes first, the caller hears later.</summary>
    private async Task ApplyAndHoldAnswerAsync(HttpContext context, int milliseconds)
    {
        using var held = await ApplyIntoBufferAsync(context);
        await Task.Delay(milliseconds, context.RequestAborted);
        held.Position = 0;
        await held.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Runs the request into a buffer that is then thrown away: the state changes, the caller never hears of it.</summary>
    private async Task ApplyAndLoseAnswerAsync(HttpContext context)
    {
        using (await ApplyIntoBufferAsync(context))
            context.Response.Clear();
    }

    /// <summary>Runs the rest of the pipeline with its answer written to a buffer instead of the connection.</summary>
    private async Task<System.IO.MemoryStream> ApplyIntoBufferAsync(HttpContext context)
    {
        var original = context.Response.Body;
        var buffer = new System.IO.MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        return buffer;
    }
}
