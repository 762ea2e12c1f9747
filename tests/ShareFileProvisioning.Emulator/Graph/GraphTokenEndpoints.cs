using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// Where Graph tokens come from: the Entra v2 client-credentials endpoint (POST /{tenant}/oauth2/v2.0/token) and
/// an App Service style managed-identity endpoint (GET /_msi/token, the protocol MSAL/Azure.Identity speak when
/// IDENTITY_ENDPOINT and IDENTITY_HEADER are set). Issued tokens carry the app's roles into permission checks.
/// </summary>
internal static class GraphTokenEndpoints
{
    private const string GraphResource = "https://graph.microsoft.com";
    private const string MsiApiVersion = "2019-08-01";

    public static void Map(WebApplication app, GraphState state)
    {
        app.MapPost("/{tenantId}/oauth2/v2.0/token", (HttpContext ctx, string tenantId) => ClientCredentials(ctx, state, tenantId));
        app.MapGet("/_msi/token", (HttpContext ctx) => ManagedIdentity(ctx, state));
    }

    private static async Task ClientCredentials(HttpContext ctx, GraphState state, string tenantId)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await AadError(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.").ConfigureAwait(false);
            return;
        }
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        string F(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;

        if (!string.Equals(tenantId, state.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            await AadError(ctx, state, 400, "invalid_request", 90002, $"Tenant '{tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.").ConfigureAwait(false);
            return;
        }
        if (F("grant_type") == null)
        {
            await AadError(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.").ConfigureAwait(false);
            return;
        }
        if (F("grant_type") != "client_credentials")
        {
            await AadError(ctx, state, 400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{F("grant_type")}'.").ConfigureAwait(false);
            return;
        }
        var clientId = F("client_id");
        if (clientId == null)
        {
            await AadError(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.").ConfigureAwait(false);
            return;
        }
        var app = state.FindApp(clientId);
        if (app == null)
        {
            await AadError(ctx, state, 400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{state.TenantId}'.").ConfigureAwait(false);
            return;
        }
        var scope = F("scope");
        if (scope == null)
        {
            await AadError(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.").ConfigureAwait(false);
            return;
        }
        if (!string.Equals(scope, GraphResource + "/.default", StringComparison.OrdinalIgnoreCase))
        {
            await AadError(ctx, state, 400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).").ConfigureAwait(false);
            return;
        }
        var secret = F("client_secret");
        var assertion = F("client_assertion");
        if (secret == null && assertion == null)
        {
            await AadError(ctx, state, 401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.").ConfigureAwait(false);
            return;
        }
        if (secret != null && !string.Equals(secret, app.ClientSecret, StringComparison.Ordinal))
        {
            await AadError(ctx, state, 401, "invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{app.ClientId}'.").ConfigureAwait(false);
            return;
        }
        if (secret == null && !AssertionNamesClient(assertion, app.ClientId, F("client_assertion_type"), state.Now))
        {
            await AadError(ctx, state, 401, "invalid_client", 700027, "Client assertion failed signature validation or is not a valid client assertion for this application.").ConfigureAwait(false);
            return;
        }

        var token = IssueToken(state, app.ClientId, app.Roles, TimeSpan.FromSeconds(3599));
        await GraphHttp.WriteJson(ctx, 200, new JObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = token,
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Emulator decision: the assertion must be a JWT whose iss and sub are the client id, of the right type and
    /// not expired. Its signature is not checked (the emulator holds no certificates).
    /// </summary>
    private static bool AssertionNamesClient(string assertion, string clientId, string assertionType, DateTimeOffset now)
    {
        if (assertionType != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return false;
        var parts = assertion.Split('.');
        if (parts.Length != 3) return false;
        try
        {
            var payload = JObject.Parse(GraphQuery.FromBase64Url(parts[1]));
            return string.Equals((string)payload["iss"], clientId, StringComparison.OrdinalIgnoreCase)
                && string.Equals((string)payload["sub"], clientId, StringComparison.OrdinalIgnoreCase)
                // MSAL.NET writes nbf/exp as JSON strings of unix seconds; Entra accepts both forms.
                && payload["exp"] is JValue exp && (exp.Type == JTokenType.Integer || exp.Type == JTokenType.String)
                && long.TryParse((string)exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && expires > now.ToUnixTimeSeconds();
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    private static async Task ManagedIdentity(HttpContext ctx, GraphState state)
    {
        var mi = state.ManagedIdentity;
        string Q(string name) => ctx.Request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        if (mi == null)
        {
            await MsiError(ctx, 404, "No managed identity is configured in the Graph seed.").ConfigureAwait(false);
            return;
        }
        if (!string.Equals(ctx.Request.Headers["X-IDENTITY-HEADER"].ToString(), mi.IdentityHeader, StringComparison.Ordinal))
        {
            await MsiError(ctx, 401, "The X-IDENTITY-HEADER header is missing or does not match.").ConfigureAwait(false);
            return;
        }
        if (Q("api-version") != MsiApiVersion)
        {
            await MsiError(ctx, 400, $"The api-version '{Q("api-version")}' is not supported; use {MsiApiVersion}.").ConfigureAwait(false);
            return;
        }
        var resource = Q("resource");
        if (resource == null)
        {
            await MsiError(ctx, 400, "The 'resource' query parameter is required.").ConfigureAwait(false);
            return;
        }
        var requestedClient = Q("client_id") ?? Q("principal_id") ?? Q("object_id") ?? Q("mi_res_id");
        if (requestedClient != null && !string.Equals(requestedClient, mi.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            await MsiError(ctx, 400, $"Unable to load the requested managed identity '{requestedClient}'.").ConfigureAwait(false);
            return;
        }
        var lifetime = TimeSpan.FromHours(24);
        var token = IssueToken(state, mi.ClientId, mi.Roles, lifetime);
        // expires_on is a string of unix seconds, as App Service sends it (MSAL reads it as a string).
        await GraphHttp.WriteJson(ctx, 200, new JObject
        {
            ["access_token"] = token,
            ["expires_on"] = (state.Now + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = mi.ClientId,
        }).ConfigureAwait(false);
    }

    /// <summary>An unsigned JWT-shaped token: opaque to clients, decodable in tests. Remembered with its roles.</summary>
    private static string IssueToken(GraphState state, string clientId, List<string> roles, TimeSpan lifetime)
    {
        var now = state.Now.ToUnixTimeSeconds();
        var header = GraphQuery.Base64Url("{\"typ\":\"JWT\",\"alg\":\"none\"}");
        var payload = GraphQuery.Base64Url(new JObject
        {
            ["aud"] = GraphResource, ["iss"] = $"https://sts.windows.net/{state.TenantId}/", ["iat"] = now, ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds, ["appid"] = clientId, ["tid"] = state.TenantId,
            ["roles"] = new JArray((roles ?? new List<string>()).Cast<object>().ToArray()), ["jti"] = Guid.NewGuid().ToString(),
        }.ToString(Formatting.None));
        var token = header + "." + payload + "." + GraphQuery.Base64Url(Guid.NewGuid().ToString("N"));
        state.RecordIssuedToken(token, roles);
        return token;
    }

    private static Task AadError(HttpContext ctx, GraphState state, int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = state.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return GraphHttp.WriteJson(ctx, status, new JObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={code}",
        });
    }

    private static Task MsiError(HttpContext ctx, int status, string message) =>
        GraphHttp.WriteJson(ctx, status, new JObject
        {
            ["statusCode"] = status,
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString(),
        });
}
