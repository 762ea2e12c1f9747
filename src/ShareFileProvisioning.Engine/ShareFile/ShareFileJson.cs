using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>
    /// Newtonsoft settings for ShareFile JSON, kept internal so no public member exposes Newtonsoft types.
    /// Models have internal setters; the resolver lets the serializer fill them and maps ODataType to "odata.type".
    /// </summary>
    internal static class ShareFileJson
    {
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new ModelContractResolver(),
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
        };

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        /// <summary>Parses a body without turning date strings into DateTime (models read them as DateTimeOffset).</summary>
        public static JToken Parse(string json)
        {
            using (var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None })
            {
                return JToken.ReadFrom(reader);
            }
        }

        public static T ToModel<T>(JToken token)
        {
            return token == null || token.Type == JTokenType.Null ? default : token.ToObject<T>(Serializer);
        }

        public static string Serialize(JToken body)
        {
            return body.ToString(Formatting.None);
        }

        /// <summary>A property looked up ignoring case (odata.nextLink vs odata.nextlink).</summary>
        public static JToken Property(JObject obj, string name)
        {
            return obj?.Properties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
        }

        public static string String(JObject obj, string name)
        {
            var value = Property(obj, name);
            return value == null || value.Type == JTokenType.Null ? null : value.Type == JTokenType.String ? (string)value : value.ToString(Formatting.None);
        }

        public static bool? Bool(JObject obj, string name)
        {
            var value = Property(obj, name);
            if (value == null || value.Type == JTokenType.Null)
            {
                return null;
            }

            if (value.Type == JTokenType.Boolean)
            {
                return (bool)value;
            }

            return bool.TryParse(value.ToString(), out var parsed) ? parsed : (bool?)null;
        }

        private sealed class ModelContractResolver : DefaultContractResolver
        {
            protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                if (member is PropertyInfo info && !property.Writable && info.GetSetMethod(true) != null)
                {
                    property.Writable = true;
                }

                if (member.Name == "ODataType")
                {
                    property.PropertyName = "odata.type";
                }

                return property;
            }
        }
    }
}
