using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Microsoft.Graph;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Graph;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>
    /// Entra ID as a provisioning source: signed in to Graph, bound to the ShareFile enterprise app. Thread-safe for
    /// concurrent reads. Dispose releases the HTTP client.
    /// </summary>
    public sealed class EntraSource : IProvisioningSource, IDisposable
    {
        private readonly TokenCredential _credential;
        private readonly HttpClient _http;
        private readonly RequestTraceHandler _counter;
        private readonly GraphGateway _graph;
        private readonly IEngineTrace _trace;

        private EntraSource(SourceSignInSettings signIn, SourceAppSelector app, IEngineTrace trace)
        {
            _trace = trace ?? NullEngineTrace.Instance;
            SignIn = signIn;
            App = app;
            GraphBaseUri = signIn.GraphBaseUri ?? GraphClientBuilder.DefaultGraphBaseUri;
            _credential = SourceCredentialFactory.Create(signIn);
            var client = GraphClientBuilder.Build(_credential, GraphBaseUri, signIn.Proxy, _trace, out _http, out _counter);
            _graph = new GraphGateway(client, GraphBaseUri);
        }

        /// <summary>Builds the credential and client without any request (for -WhatIf style checks and tests of construction).</summary>
        public static EntraSource Create(SourceSignInSettings signIn, SourceAppSelector app, IEngineTrace trace = null)
        {
            if (signIn == null) throw new ArgumentNullException(nameof(signIn));
            if (app == null) throw new ArgumentNullException(nameof(app));
            return new EntraSource(signIn, app, trace);
        }

        /// <summary>Signs in (the first Graph call gets the token) and resolves the enterprise app.</summary>
        public static async Task<EntraSource> ConnectAsync(SourceSignInSettings signIn, SourceAppSelector app, IEngineTrace trace, CancellationToken cancellationToken)
        {
            var source = Create(signIn, app, trace);
            try
            {
                source.ServicePrincipal = await source._graph.FindServicePrincipalAsync(app, cancellationToken).ConfigureAwait(false);
                source._trace.Verbose($"Entra ID: signed in ({signIn.Mode}); enterprise app '{source.ServicePrincipal.DisplayName}' ({source.ServicePrincipal.Id}).");
                return source;
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }

        public string Name => "Entra ID";

        /// <summary>The Graph client, for the account report's tenant-wide reads (Reporting/).</summary>
        internal GraphGateway Graph => _graph;

        public SourceSignInSettings SignIn { get; }

        public SourceAuthenticationMode AuthenticationMode => SignIn.Mode;

        public SourceAppSelector App { get; }

        public Uri GraphBaseUri { get; }

        /// <summary>Null until <see cref="ConnectAsync"/> resolved it.</summary>
        public ServicePrincipalInfo ServicePrincipal { get; private set; }

        /// <summary>Graph requests sent so far by this source (every attempt, retries included).</summary>
        public int RequestCount => _counter.Count;

        public Logging.ProvisioningServicePrincipal ServicePrincipalIdentity =>
            ServicePrincipal == null ? null : new Logging.ProvisioningServicePrincipal { Id = ServicePrincipal.Id, DisplayName = ServicePrincipal.DisplayName };

        public Logging.ProvisioningInitiator Initiator => SourceInitiator.For(SignIn);

        public Task<SourceReadResult> ReadFullAsync(SourceReadOptions options, CancellationToken cancellationToken) =>
            Counted(() => new FullScopeReader(_graph, RequireServicePrincipal()).ReadAsync(Normalise(options), withWatermark: true, cancellationToken));

        /// <summary>The current scope (users with the given attributes, groups) without opening delta links.</summary>
        public Task<SourceReadResult> ReadScopeAsync(SourceReadOptions options, CancellationToken cancellationToken) =>
            Counted(() => new FullScopeReader(_graph, RequireServicePrincipal()).ReadAsync(Normalise(options), withWatermark: false, cancellationToken));

        public async Task<SourceReadResult> ReadChangesAsync(SourceWatermark watermark, SourceReadOptions options, CancellationToken cancellationToken)
        {
            options = Normalise(options);
            StoredLinkCheck.Watermark(watermark, GraphBaseUri);
            var trace = options.Trace;
            string reason = null;
            if (watermark?.UsersDeltaLink == null || watermark.GroupsDeltaLink == null)
                reason = "no delta links are stored (first cycle)";
            else if (!SameAttributes(watermark.Attributes, UserSelect.Build(options.Attributes)))
                reason = "the mapped attributes changed since the delta links were opened";

            if (reason == null)
            {
                try
                {
                    return await Counted(() => new IncrementalScopeReader(_graph, RequireServicePrincipal()).ReadAsync(watermark, options, cancellationToken)).ConfigureAwait(false);
                }
                catch (DeltaExpiredException e)
                {
                    reason = "the delta token is expired or unknown: " + e.Message;
                }
            }

            trace.Verbose($"Falling back to a full read: {reason}.");
            var full = await ReadFullAsync(options, cancellationToken).ConfigureAwait(false);
            full.FellBackToFullRead = true;
            full.FallbackReason = reason;
            return full;
        }

        /// <summary>Why one user (UPN or id) or group (id) is or is not in scope.</summary>
        public Task<ScopeExplanation> ExplainAsync(string userPrincipalNameOrObjectId, SourceReadOptions options, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(userPrincipalNameOrObjectId)) throw new ArgumentException("Name a user (UPN or object id) or a group (object id).");
            return new ScopeExplainer(_graph, RequireServicePrincipal()).ExplainAsync(userPrincipalNameOrObjectId.Trim(), Normalise(options), cancellationToken);
        }

        /// <summary>
        /// One user's source attributes (the given ones plus the required ones), with IsSoftDeleted as Entra computes it
        /// for this app — for trying mappings against a real user. Null when no such user exists.
        /// </summary>
        public async Task<SourceObject> ReadUserAttributesAsync(string userPrincipalNameOrObjectId, IReadOnlyCollection<string> attributes, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(userPrincipalNameOrObjectId)) throw new ArgumentException("Name a user by user principal name or object id.");
            var user = await _graph.GetUserAsync(userPrincipalNameOrObjectId.Trim(), UserSelect.Build(attributes ?? new string[0]), cancellationToken).ConfigureAwait(false);
            if (user == null) return null;
            var explanation = await ExplainAsync(user.Id, null, cancellationToken).ConfigureAwait(false);
            var result = UserAttributes.ToSourceObject(user);
            result.IsSoftDeleted = explanation.IsSoftDeleted;
            return result;
        }

        /// <summary>Token, enterprise app, each Graph permission, assignments; a failed check is data.</summary>
/// <summary>For nested-group Flatten: each group's transitive user members (one listing per group, concurrently).</summary>
        public async Task<Dictionary<string, List<string>>> ReadTransitiveUserMembersAsync(IEnumerable<string> groupIds, int maxConcurrency, CancellationToken cancellationToken)
        {
            var result = new System.Collections.Concurrent.ConcurrentDictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            using (var slots = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
            {
                var tasks = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(async id =>
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        result[id] = await _graph.ListTransitiveUserIdsAsync(id, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }).ToList();
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            return new Dictionary<string, List<string>>(result, StringComparer.OrdinalIgnoreCase);
        }

                public Task<List<ConnectionCheckResult>> TestAsync(CancellationToken cancellationToken) =>
            EntraSourceConnectionTest.RunAsync(_credential, GraphClientBuilder.TokenScope(GraphBaseUri), _graph, App, cancellationToken);

        public void Dispose() => _http.Dispose();

        private async Task<SourceReadResult> Counted(Func<Task<SourceReadResult>> read)
        {
            var before = _counter.Count;
            var result = await read().ConfigureAwait(false);
            result.RequestCount = _counter.Count - before;
            return result;
        }

        private ServicePrincipalInfo RequireServicePrincipal() =>
            ServicePrincipal ?? throw new InvalidOperationException("The source is not connected: call ConnectAsync first.");

        private SourceReadOptions Normalise(SourceReadOptions options)
        {
            // A copy keeps every option (a new one added later cannot be dropped here); only the defaults are filled in.
            var normalised = options?.Copy() ?? new SourceReadOptions();
            normalised.Attributes = normalised.Attributes ?? new string[0];
            normalised.MaxConcurrency = Math.Max(1, normalised.MaxConcurrency);
            normalised.Trace = normalised.Trace ?? _trace;
            return normalised;
        }

        private static bool SameAttributes(List<string> stored, List<string> now) =>
            stored != null && new HashSet<string>(stored, StringComparer.OrdinalIgnoreCase).SetEquals(now);
    }
}
