using System.Linq;
using System.Net;
using System.Reflection;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.State.Blob;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.State.Blob
{
    /// <summary>Settings validation, the factory's choice of store, and the engine's public surface (no Azure types).</summary>
    public sealed class BlobStateStoreSettingsTests
    {
        private static System.Security.SecureString Secure(string s) => new NetworkCredential("", s).SecurePassword;

        [Theory]
        [InlineData("Contoso", "sfprov-contoso")]
        [InlineData("Fabrikam EU_Prod", "sfprov-fabrikam-eu-prod")]
        [InlineData("--x--", "sfprov-x")]
        public void The_default_container_is_named_for_the_profile_in_container_syntax(string profile, string expected)
        {
            Assert.Equal(expected, BlobStateStoreSettings.DefaultContainerName(profile));
        }

        [Fact]
        public void Settings_need_exactly_one_way_of_signing_in_and_a_lease_Azure_allows()
        {
            var uri = new Uri("https://acct.blob.core.windows.net/sfprov-acme");
            Assert.Contains("no way of signing in", new BlobStateStoreSettings { ContainerUri = uri }.Validate() ?? "");
            Assert.Null(new BlobStateStoreSettings { ContainerUri = uri, ManagedIdentity = true }.Validate());
            Assert.Contains("more than one", new BlobStateStoreSettings { ContainerUri = uri, ManagedIdentity = true, SasToken = Secure("sv=1&sig=x") }.Validate());
            Assert.Contains("15–60 s", new BlobStateStoreSettings { ContainerUri = uri, ManagedIdentity = true, LeaseDuration = TimeSpan.FromSeconds(90) }.Validate());
            Assert.Contains("container URL", new BlobStateStoreSettings { ManagedIdentity = true }.Validate());
            Assert.Contains("'Bad_Name'", new BlobStateStoreSettings { ConnectionString = Secure("UseDevelopmentStorage=true"), ContainerName = "Bad_Name" }.Validate());
            var e = Assert.Throws<ArgumentException>(() => new BlobStateStore(new BlobStateStoreSettings { ContainerUri = uri }));
            Assert.Contains("no way of signing in", e.Message);
        }

        [Fact]
        public void ToString_names_the_container_and_the_sign_in_but_never_the_secret()
        {
            var settings = new BlobStateStoreSettings
            {
                ContainerUri = new Uri("https://acct.blob.core.windows.net/sfprov-acme?sv=2024&sig=SECRETSIG"),
                SasToken = Secure("sv=2024&sig=SECRETSIG"),
            };

            Assert.Equal("Azure Blob state at https://acct.blob.core.windows.net/sfprov-acme (SasToken)", settings.ToString());
            Assert.Equal("https://acct.blob.core.windows.net/sfprov-acme", new BlobStateStore(settings).Location);
        }

        [Fact]
        public void The_factory_builds_the_file_store_by_default_and_the_blob_store_in_the_profiles_container()
        {
            using var dir = new TempDirectory();
            var profile = new ProvisioningProfile("Acme Corp", dir.Combine("acme"));

            var file = Assert.IsType<FileStateStore>(StateStoreFactory.CreateStateStore(profile));
            Assert.Equal(profile.StateDirectory, file.Directory);

            var account = StateStoreFactory.CreateStateStore(profile, new BlobStateStoreSettings { ContainerUri = new Uri("https://acct.blob.core.windows.net/"), ManagedIdentity = true });
            Assert.Equal("https://acct.blob.core.windows.net/sfprov-acme-corp", Assert.IsType<BlobStateStore>(account).Location);

            var named = StateStoreFactory.CreateStateStore(profile, new BlobStateStoreSettings { ContainerUri = new Uri("https://acct.blob.core.windows.net/runbook-state"), ManagedIdentity = true });
            Assert.Equal("https://acct.blob.core.windows.net/runbook-state", named.Location);
        }

        [Fact]
        public void Public_engine_members_expose_no_Azure_types()
        {
            // The engine keeps Azure.* private (PrivateAssets=all): the cmdlet assembly could not compile against them.
            var leaks = typeof(BlobStateStore).Assembly.GetExportedTypes()
                .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .SelectMany(m => Mentioned(m).SelectMany(Flatten).Select(x => (Member: t.FullName + "." + m.Name, Type: x)))
                    .Concat(new[] { t.BaseType }.Concat(t.GetInterfaces()).Where(b => b != null).Select(b => (Member: t.FullName + " : base", Type: b))))
                .Where(x => x.Type.Namespace != null && (x.Type.Namespace == "Azure" || x.Type.Namespace.StartsWith("Azure.", StringComparison.Ordinal)))
                .Select(x => x.Member + " -> " + x.Type.FullName)
                .Distinct()
                .ToList();

            Assert.Empty(leaks);
        }

        private static System.Collections.Generic.IEnumerable<Type> Mentioned(MemberInfo member) => member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            PropertyInfo p => new[] { p.PropertyType },
            FieldInfo f => new[] { f.FieldType },
            EventInfo e => new[] { e.EventHandlerType },
            _ => Array.Empty<Type>(),
        };

        private static System.Collections.Generic.IEnumerable<Type> Flatten(Type type) =>
            type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Append(type) : type.HasElementType ? Flatten(type.GetElementType()) : new[] { type };
    }
}
