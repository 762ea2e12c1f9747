using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>A response as the conformance tests read it: status, headers and the JSON body (null when empty).</summary>
public sealed record SfResult(HttpStatusCode Status, HttpResponseHeaders Headers, JToken Body, string Text)
{
    public JObject Object => (JObject)Body;
    public JArray Value => (JArray)Body["value"];
    public string Reason => (string)Body?["reason"];
    public string Code => (string)Body?["code"];
}

/// <summary>Plain HttpClient calls against the emulator: no engine code, so the tests pin the wire contract itself.</summary>
public sealed class SfHttp : IDisposable
{
    public const string ClientId = "sfp-demo-client";
    public const string ClientSecret = "sfp-demo-secret";

    private readonly HttpClient _http;

    public SfHttp(Uri baseUri, bool followRedirects = true)
    {
        BaseUri = baseUri;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public Task<SfResult> TokenRequestAsync(params (string Key, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "oauth/token?requirev3=true")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        });

    public Task<SfResult> PasswordGrantAsync(string user, string password, string clientId = ClientId, string secret = ClientSecret) =>
        TokenRequestAsync(("grant_type", "password"), ("client_id", clientId), ("client_secret", secret), ("username", user), ("password", password));

    public Task<SfResult> RefreshGrantAsync(string refreshToken) =>
        TokenRequestAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", ClientId), ("client_secret", ClientSecret),
            ("redirect_uri", "https://secure.sharefile.com/oauth/oauthcomplete.aspx"));

    public async Task<string> PasswordTokenAsync(string user, string password)
    {
        var r = await PasswordGrantAsync(user, password);
        if (r.Status != HttpStatusCode.OK) throw new InvalidOperationException($"Token request for {user} failed: {(int)r.Status} {r.Text}");
        return (string)r.Body["access_token"];
    }

    public Task<SfResult> GetAsync(string path, string token) => SendAsync(Request(HttpMethod.Get, path, token));

    /// <summary>Sends JSON with Content-Type application/json; json null = no body.</summary>
    public Task<SfResult> SendJsonAsync(string method, string path, string token, string json, string methodOverride = null, string overrideHeaderName = "X-Http-Method-Override")
    {
        var request = Request(new HttpMethod(method), path, token);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (methodOverride != null) request.Headers.TryAddWithoutValidation(overrideHeaderName, methodOverride);
        return SendAsync(request);
    }

    public Task<SfResult> SendAsync(string method, string path, string token = null, HttpContent content = null)
    {
        var request = Request(new HttpMethod(method), path, token);
        request.Content = content;
        return SendAsync(request);
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/json");
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async Task<SfResult> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JToken body = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Keep timestamps as the strings the server wrote.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            body = JToken.ReadFrom(reader);
        }
        return new SfResult(response.StatusCode, response.Headers, body, text);
    }

    public void Dispose() => _http.Dispose();
}
