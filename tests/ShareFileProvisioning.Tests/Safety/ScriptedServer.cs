using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// A loopback HTTP listener that answers from a script and records every request it gets: a hostile service (one
/// that serves a bad next link) or the "other host" a link points at, which must see nothing.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, Uri, (int Status, string Json)> _respond;
    private readonly Task _loop;

    private ScriptedServer(Func<HttpListenerRequest, Uri, (int, string)> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>"METHOD path?query" of every request received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers with <paramref name="respond"/>(request, this server's base URI).</summary>
    public static ScriptedServer Start(Func<HttpListenerRequest, Uri, (int Status, string Json)> respond) => new(respond);

    /// <summary>A listener that answers 404 to everything and only counts.</summary>
    public static ScriptedServer Bystander() => new((_, _) => (404, "{}"));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException) { return; }
            Requests.Enqueue($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery}");
            var (status, json) = _respond(context.Request, BaseUri);
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
