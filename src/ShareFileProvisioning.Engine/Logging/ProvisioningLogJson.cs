using System;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Engine.Logging
{
    /// <summary>
    /// The provisioningObjectSummary JSON form: camelCase names (detail keys kept as written), camelCase enum values,
    /// UTC times ending in "Z", absent values left out except modifiedProperties old/newValue (null = no value).
    /// </summary>
    public static class ProvisioningLogJson
    {
        internal static readonly JsonSerializerSettings Settings = CreateSettings();

        /// <summary>One line of JSON (no line breaks), as written to a .jsonl file.</summary>
        public static string Serialize(ProvisioningLogRecord record) => JsonConvert.SerializeObject(record, Formatting.None, Settings);

        /// <exception cref="FormatException">The text is not a provisioning log record.</exception>
        public static ProvisioningLogRecord Deserialize(string json)
        {
            try
            {
                return JsonConvert.DeserializeObject<ProvisioningLogRecord>(json, Settings)
                    ?? throw new FormatException("The provisioning log line is empty.");
            }
            catch (JsonException e)
            {
                throw new FormatException("The provisioning log line is not a valid record: " + e.Message, e);
            }
        }

        internal static string SerializeObject(object value, bool indented = false) =>
            JsonConvert.SerializeObject(value, indented ? Formatting.Indented : Formatting.None, Settings);

        internal static T DeserializeObject<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings);

        private static JsonSerializerSettings CreateSettings()
        {
            var settings = new JsonSerializerSettings
            {
                ContractResolver = new LogContractResolver(),
                NullValueHandling = NullValueHandling.Ignore,
                DateParseHandling = DateParseHandling.DateTimeOffset,
                MissingMemberHandling = MissingMemberHandling.Ignore,
            };
            settings.Converters.Add(new StringEnumConverter(new CamelCaseNamingStrategy()));
            settings.Converters.Add(new UtcDateConverter());
            return settings;
        }

        private sealed class LogContractResolver : DefaultContractResolver
        {
            public LogContractResolver()
            {
                NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false };
            }

            protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                if (member.DeclaringType == typeof(ModifiedProperty) && (member.Name == nameof(ModifiedProperty.OldValue) || member.Name == nameof(ModifiedProperty.NewValue)))
                    property.NullValueHandling = NullValueHandling.Include;
                // Computed helpers are not part of the schema.
                if (member.DeclaringType == typeof(ProvisionedIdentity) && member.Name == nameof(ProvisionedIdentity.UserPrincipalName))
                    property.Ignored = true;
                return property;
            }
        }

        /// <summary>DateTimeOffset as UTC "yyyy-MM-ddTHH:mm:ss[.fffffff]Z", like Graph.</summary>
        private sealed class UtcDateConverter : JsonConverter
        {
            public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

            public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer) =>
                writer.WriteValue(((DateTimeOffset)value).UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

            public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
            {
                switch (reader.Value)
                {
                    case null: return objectType == typeof(DateTimeOffset?) ? (object)null : default(DateTimeOffset);
                    case DateTimeOffset d: return d.ToUniversalTime();
                    case DateTime t: return new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)).ToUniversalTime();
                    case string s: return DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                    default: throw new JsonSerializationException($"Unexpected date value '{reader.Value}'.");
                }
            }
        }

        /// <summary>The records of a JSON Lines stream (a file or a blob), skipping blank lines and a line torn by a crash mid-write.</summary>
        public static System.Collections.Generic.IEnumerable<ProvisioningLogRecord> ReadLines(System.IO.Stream stream, System.Threading.CancellationToken cancellationToken)
        {
            using (var reader = new System.IO.StreamReader(stream, System.Text.Encoding.UTF8))
            {
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    ProvisioningLogRecord record;
                    try
                    {
                        record = Deserialize(line);
                    }
                    catch (FormatException)
                    {
                        continue;
                    }
                    yield return record;
                }
            }
        }
    }
}
