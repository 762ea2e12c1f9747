using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Plan files: camelCase JSON, enums as names, nulls left out.</summary>
    internal static class PlanJson
    {
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new StoredOnlyResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.DateTimeOffset,
            Converters = { new StringEnumConverter() },
            Formatting = Formatting.Indented,
        };

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        /// <summary>Writes only stored properties: computed ones (ChangeSummary, IsExecutable, …) follow from them.</summary>
        private sealed class StoredOnlyResolver : DefaultContractResolver
        {
            protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                if (!property.Writable) property.ShouldSerialize = _ => false;
                return property;
            }
        }

        public static string Serialize(ProvisioningPlan plan) => JsonConvert.SerializeObject(plan, Settings);

        public static async Task WriteAsync(Stream stream, ProvisioningPlan plan, CancellationToken cancellationToken)
        {
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true))
            {
                Serializer.Serialize(writer, plan);
                await writer.FlushAsync().ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }

        public static ProvisioningPlan Deserialize(string json, string source)
        {
            JObject root;
            try
            {
                root = JObject.Parse(json ?? "");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{source}' is not a provisioning plan: {e.Message}", e);
            }
            var version = root.Value<int?>("schemaVersion");
            if (version == null || root["items"] == null || root["basis"] == null)
                throw new InvalidDataException($"'{source}' is not a provisioning plan (it has no schemaVersion, basis and items).");
            if (version != ProvisioningPlan.CurrentSchemaVersion)
                throw new InvalidDataException($"'{source}' is a plan of schema version {version}; this module reads version {ProvisioningPlan.CurrentSchemaVersion}. Compute the plan again.");
            try
            {
                return root.ToObject<ProvisioningPlan>(Serializer);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{source}' is not a valid provisioning plan: {e.Message}", e);
            }
        }
    }
}
