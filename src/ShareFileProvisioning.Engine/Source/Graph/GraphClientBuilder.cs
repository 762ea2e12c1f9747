using System;
using System.Net.Http;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// The SDK client: an HttpClient with Graph's default middleware (retry on 429/503/504 honouring Retry-After,
    /// redirect, telemetry), a resend of reads on a failed connection, our counting handler, and the Azure.Identity token provider allowed to send tokens
    /// to the configured Graph host only.
    /// </summary>
    internal static class GraphClientBuilder
    {
        public static readonly Uri DefaultGraphBaseUri = new Uri("https://graph.microsoft.com/v1.0");

        public static GraphServiceClient Build(TokenCredential credential, Uri graphBaseUri, Http.ProxySettings proxy, IEngineTrace trace, out HttpClient httpClient, out RequestTraceHandler counter)
        {
            graphBaseUri = graphBaseUri ?? DefaultGraphBaseUri;
            if (graphBaseUri.Scheme != Uri.UriSchemeHttps && !Authentication.LoopbackAuthorityHandler.IsLoopback(graphBaseUri))
                throw new ArgumentException($"GraphBaseUri '{graphBaseUri}' must be https (plain http is allowed only for a loopback emulator).");

            var handlers = GraphClientFactory.CreateDefaultHandlers();
            handlers.Add(new TransportRetryHandler());
            counter = new RequestTraceHandler(trace);
            handlers.Add(counter);
            // With a proxy, the final handler is ours; redirects stay with Graph's redirect middleware.
            var final = Http.ProxySettings.CreateHandlerOrNull(proxy, h => h.AllowAutoRedirect = false);
            httpClient = GraphClientFactory.Create(handlers, finalHandler: final);
            var auth = new AzureIdentityAuthenticationProvider(credential, new[] { graphBaseUri.Host }, null, true, TokenScope(graphBaseUri));
            return new GraphServiceClient(httpClient, auth, graphBaseUri.ToString().TrimEnd('/'));
        }

        /// <summary>Graph's /.default scope for the cloud in use; the loopback emulator stands in for global Graph.</summary>
        internal static string TokenScope(Uri graphBaseUri) =>
            Authentication.LoopbackAuthorityHandler.IsLoopback(graphBaseUri)
                ? "https://graph.microsoft.com/.default"
                : $"{graphBaseUri.Scheme}://{graphBaseUri.Authority}/.default";
    }
}
