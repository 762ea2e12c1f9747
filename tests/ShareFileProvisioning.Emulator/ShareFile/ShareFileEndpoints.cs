using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>/oauth/token and /sf/v3/… routes.</summary>
public static class ShareFileEndpoints
{
    public static void Map(WebApplication app, ShareFileState state)
    {
        app.MapPost("/oauth/token", context => TokenAsync(context, state));
        app.Map("/sf/v3/{**rest}", context => ApiAsync(context, state));
    }

    // ---- OAuth (docs/sharefile-api.md, 'Signing in') ----

    private static async Task TokenAsync(HttpContext context, ShareFileState state)
    {
        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        // requirev3 (query) and extra fields such as redirect_uri are ignored.
        var result = state.IssueToken(form["grant_type"], form["client_id"], form["client_secret"], form["username"], form["password"], form["refresh_token"]);
        context.Response.Headers.CacheControl = "no-store";
        if (result.Status != 200)
        {
            await OAuthErrorAsync(context, result.Status, result.Error, result.Description);
            return;
        }
        var body = new JObject
        {
            ["access_token"] = result.AccessToken,
            ["refresh_token"] = result.RefreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = result.ExpiresIn,
            ["appcp"] = state.Read(() => state.AccountLocked.Appcp),
            ["apicp"] = state.Read(() => state.AccountLocked.Apicp),
            ["subdomain"] = state.Subdomain,
            ["access_files_folders"] = true,
            ["modify_files_folders"] = true,
            ["admin_users"] = result.AdminUsers,
            ["admin_accounts"] = result.AdminAccounts,
            ["change_my_settings"] = true,
            ["web_app_login"] = true,
        };
        await ShareFileErrors.WriteJsonAsync(context, 200, body);
    }

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        ShareFileErrors.WriteJsonAsync(context, status, new JObject { ["error"] = error, ["error_description"] = description });

    // ---- /sf/v3 ----

    private static async Task ApiAsync(HttpContext context, ShareFileState state)
    {
        var request = context.Request;
        // Every /sf/v3 call needs a live bearer token, checked before anything else.
        var callerId = state.ValidateAccessToken(BearerToken(request));
        if (callerId == null)
        {
            await UnauthorizedAsync(context);
            return;
        }

        var method = ShareFileRouter.EffectiveMethod(request);
        var relative = ShareFileRouter.Relative(request.Path) ?? string.Empty;
        var (route, match, pathKnown) = ShareFileRouter.Find(method, relative);
        if (route == null)
        {
            if (pathKnown) await ShareFileErrors.WriteAsync(context, 405, "Unspecified", $"{method} is not supported on {relative}.");
            else await ShareFileErrors.WriteAsync(context, 404, "NotFound", $"No such resource: {relative}.");
            return;
        }

        try
        {
            var body = await ReadBodyAsync(context);
            var response = route.Handler(new SfRequest
            {
                Http = context, State = state, CallerId = callerId, Body = body, Writer = new ODataWriter(request, state.Feeds),
                Id = match.Groups["id"].Success ? Uri.UnescapeDataString(match.Groups["id"].Value) : null,
            });
            if (response.Body == null) context.Response.StatusCode = StatusCodes.Status204NoContent;
            else await ShareFileErrors.WriteJsonAsync(context, 200, response.Body);
        }
        catch (ShareFileApiException e) when (e.Status == 401)
        {
            await UnauthorizedAsync(context);
        }
        catch (ShareFileApiException e)
        {
            await ShareFileErrors.WriteAsync(context, e.Status, e.Reason, e.Message);
        }
    }

    /// <summary>
    /// A body must come as application/json: a real POST Users without it got 500, so the emulator does the same.
    /// </summary>
    private static async Task<JToken> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength == null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody) return null;
        var contentType = request.ContentType ?? string.Empty;
        if (!contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ShareFileApiException(500, "Unspecified", "The request body could not be read (Content-Type must be application/json).");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return JsonBody.Parse(text);
    }

    private static string BearerToken(HttpRequest request)
    {
        var header = (string)request.Headers.Authorization;
        if (header == null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        return header.Substring("Bearer ".Length).Trim();
    }

    private static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ShareFileErrors.WriteJsonAsync(context, 401, new JObject
        {
            ["code"] = "Unauthorized",
            ["message"] = new JObject { ["lang"] = "en-US", ["value"] = "Unauthorized" },
        });
    }
}
