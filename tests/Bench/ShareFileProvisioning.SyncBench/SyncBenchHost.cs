using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.Graph;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.SyncBench
{
    /// <summary>One emulator (in-process) seeded with a generated tenant, the engine's clients and a temp profile.</summary>
    internal sealed class SyncBenchHost : IAsyncDisposable
    {
        private readonly string _folder;

        private SyncBenchHost(string folder, EmulatorServer server, EntraSource source, ShareFileClient shareFile, GraphSeed graph)
        {
            _folder = folder;
            Server = server;
            Source = source;
            ShareFile = shareFile;
            Graph = graph;
            Profile = new ProvisioningProfile("bench", Path.Combine(folder, "profile"));
        }

        public EmulatorServer Server { get; }

        public EntraSource Source { get; }

        public ShareFileClient ShareFile { get; }

        public GraphSeed Graph { get; }

        public ProvisioningProfile Profile { get; }

        /// <param name="users">Assigned Entra users.</param>
        /// <param name="shareFileHoldsAll">True: ShareFile already has every user (the initial cycle only adopts).</param>
        /// <param name="shape">Changes the generated tenant before the emulator starts (e.g. adds groups).</param>
        public static async Task<SyncBenchHost> StartAsync(int users, bool shareFileHoldsAll, Action<GraphSeed> shape = null)
        {
            var folder = Path.Combine(Path.GetTempPath(), "sfp-syncbench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var graph = GraphSeedGenerator.Create(users);
            shape?.Invoke(graph);
            var graphPath = Path.Combine(folder, "graph.json");
            GraphSeedGenerator.Save(graph, graphPath);
            var seed = ShareFileSeed.Default();
            seed.Account.UserMax = users + 1000;
            if (shareFileHoldsAll)
                foreach (var u in graph.Users.Where(u => u.AccountEnabled))
                    seed.Users.Add(new SeedUser { Email = u.Mail, FirstName = u.GivenName, LastName = u.Surname, Company = u.CompanyName, Type = "Employee" });
            var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed, GraphSeedPath = graphPath });
            var source = await EntraSource.ConnectAsync(
                new SourceSignInSettings { AccessToken = Secure("any-token"), GraphBaseUri = new Uri(server.BaseUri, "v1.0") },
                new SourceAppSelector { ServicePrincipalId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9" }, null, CancellationToken.None);
            var client = new ShareFileClient(new ShareFileConnectionSettings
            {
                Subdomain = "acme", Username = "admin@acme.com", Password = Secure("P@ssw0rd!demo"), ClientId = "sfp-demo-client",
                ClientSecret = Secure("sfp-demo-secret"), BaseAddressOverride = server.BaseUri,
            });
            await client.ConnectAsync(CancellationToken.None);
            return new SyncBenchHost(folder, server, source, client, graph);
        }

        public SyncRequest Request(int throttleLimit, ProvisioningConfiguration configuration = null) => new SyncRequest
        {
            Source = Source, ShareFile = ShareFile, Profile = Profile, Configuration = configuration ?? ProvisioningConfiguration.CreateDefault(),
            ThrottleLimit = throttleLimit, Subdomain = "acme", TenantId = "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f",
            Trace = Trace,
        };

        /// <summary>Set by --trace: the engine's verbose lines, timed, for the measured cycles.</summary>
        public static ShareFileProvisioning.Engine.Diagnostics.IEngineTrace Trace { get; set; }

        /// <summary>How many pages of appRoleAssignedTo ($top=999, Graph's maximum) the service principal has.</summary>
        public async Task<int> CountAssignmentPagesAsync()
        {
            using (var http = new System.Net.Http.HttpClient())
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any-token");
                var next = new Uri(Server.BaseUri, "v1.0/servicePrincipals/5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9/appRoleAssignedTo?$top=999").ToString();
                var pages = 0;
                while (next != null)
                {
                    var page = Newtonsoft.Json.Linq.JObject.Parse(await http.GetStringAsync(next));
                    pages++;
                    next = (string)page["@odata.nextLink"];
                }
                return pages;
            }
        }

        /// <summary>Requests per "METHOD /route" since the last clear (ShareFile and Graph).</summary>
        public IReadOnlyDictionary<string, int> Requests() => Server.Control.RequestCounts.ToDictionary(p => p.Key, p => p.Value);

        public async ValueTask DisposeAsync()
        {
            Source.Dispose();
            ShareFile.Dispose();
            await Server.DisposeAsync();
            try
            {
                Directory.Delete(_folder, true);
            }
            catch (IOException)
            {
            }
        }

        private static SecureString Secure(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
