using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// The configuration's JSON form: indented, camelCase, enums as names, nulls left out. Unknown fields are errors
    /// (a typo must not silently fall back to a default). Internal so Newtonsoft stays out of public signatures.
    /// </summary>
    internal static class ConfigurationJson
    {
        private static JsonSerializerSettings CreateSettings(Formatting formatting) => new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            Converters = { new StringEnumConverter() },
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Error,
            ObjectCreationHandling = ObjectCreationHandling.Replace,
            DateParseHandling = DateParseHandling.None,
            Formatting = formatting,
            FloatParseHandling = FloatParseHandling.Double,
        };

        private static readonly JsonSerializerSettings Indented = CreateSettings(Formatting.Indented);
        private static readonly JsonSerializerSettings Compact = CreateSettings(Formatting.None);

        public static string Serialize(ProvisioningConfiguration config) => JsonConvert.SerializeObject(config, Indented);

        /// <summary>
        /// Parses JSON; a syntax error, unknown field or wrong type becomes a <see cref="ConfigurationValidationException"/>
        /// naming the JSON path. Does not validate the content (see <see cref="ConfigurationValidator"/>).
        /// </summary>
        public static ProvisioningConfiguration Deserialize(string json, string source)
        {
            if (string.IsNullOrWhiteSpace(json))
                throw new ConfigurationValidationException(source, new[] { new ConfigurationError("$", "the file is empty.") });
            try
            {
                var config = JsonConvert.DeserializeObject<ProvisioningConfiguration>(json, Indented);
                if (config == null) throw new ConfigurationValidationException(source, new[] { new ConfigurationError("$", "the document is null; expected an object.") });
                return config.Normalize();
            }
            catch (JsonReaderException e)
            {
                throw new ConfigurationValidationException(source, new[] { new ConfigurationError(FieldOf(e.Path), Describe(e.Message, e.InnerException)) });
            }
            catch (JsonSerializationException e)
            {
                throw new ConfigurationValidationException(source, new[] { new ConfigurationError(FieldOf(e.Path), Describe(e.Message, e.InnerException)) });
            }
        }

        /// <summary>"sha256:…" of the compact JSON of the model: independent of file formatting, stable across runs.</summary>
        public static string Fingerprint(ProvisioningConfiguration config) => FingerprintOf(config);

        /// <summary>"sha256:&lt;hex&gt;" of any part of a configuration, serialized as the configuration file is.</summary>
        public static string FingerprintOf(object value)
        {
            var bytes = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value, Compact));
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(bytes);
                var sb = new StringBuilder("sha256:", 7 + hash.Length * 2);
                foreach (var b in hash) sb.Append(b.ToString("x2"));
                return sb.ToString();
            }
        }

        private static string FieldOf(string path) => string.IsNullOrEmpty(path) ? "$" : path;

        private static string Describe(string message, Exception inner)
        {
            // Newtonsoft appends "Path 'x', line n, position m." – the field is reported separately; keep the line.
            var text = message;
            var at = text.IndexOf(" Path '", StringComparison.Ordinal);
            var line = text.IndexOf("line ", at < 0 ? 0 : at, StringComparison.Ordinal);
            var where = at >= 0 && line > at ? " (" + text.Substring(line).TrimEnd('.') + ")" : "";
            if (at >= 0) text = text.Substring(0, at);
            if (text.StartsWith("Could not find member", StringComparison.Ordinal)) text = "unknown setting" + where + ".";
            else if (text.StartsWith("Error converting value", StringComparison.Ordinal) && inner is ArgumentException)
                text = text.TrimEnd('.') + where + ".";
            else text = text.TrimEnd('.') + where + ".";
            return text;
        }
    }
}
