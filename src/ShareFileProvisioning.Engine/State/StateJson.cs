using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>JSON for state files: camelCase, enums as names, ISO dates. Links are streamed by hand (100,000+ entries).</summary>
    internal static class StateJson
    {
        public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            Converters = { new StringEnumConverter() },
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.DateTimeOffset,
            Formatting = Formatting.Indented,
        });

        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        public static T Read<T>(Stream stream)
        {
            using (var reader = new JsonTextReader(new StreamReader(stream, Utf8)) { DateParseHandling = DateParseHandling.DateTimeOffset })
            {
                return Serializer.Deserialize<T>(reader);
            }
        }

        public static void Write<T>(Stream stream, T value)
        {
            var writer = new StreamWriter(stream, Utf8, 64 * 1024);
            using (var json = new JsonTextWriter(writer) { CloseOutput = false })
            {
                Serializer.Serialize(json, value);
            }
            writer.Flush();
        }

        public static void WriteLinks(Stream stream, System.Collections.Generic.IEnumerable<ObjectLink> links, CancellationToken cancellationToken)
        {
            var writer = new StreamWriter(stream, Utf8, 256 * 1024);
            using (var json = new JsonTextWriter(writer) { CloseOutput = false, Formatting = Formatting.None })
            {
                json.WriteStartObject();
                json.WritePropertyName("schemaVersion");
                json.WriteValue(1);
                json.WritePropertyName("links");
                json.WriteStartArray();
                var n = 0;
                foreach (var link in links)
                {
                    if (++n % 10000 == 0) cancellationToken.ThrowIfCancellationRequested();
                    // One link per line keeps the file diffable and greppable without a large indented tree.
                    json.WriteWhitespace("\n");
                    json.WriteStartObject();
                    Property(json, "sourceId", link.SourceId);
                    Property(json, "targetId", link.TargetId);
                    Property(json, "objectType", link.ObjectType.ToString());
                    Property(json, "displayName", link.DisplayName);
                    Property(json, "matchedBy", link.MatchedBy);
                    json.WritePropertyName("createdByUs");
                    json.WriteValue(link.CreatedByUs);
                    Property(json, "linkedAt", link.LinkedAt.ToString("o", CultureInfo.InvariantCulture));
                    if (link.OutOfScopeSince.HasValue) Property(json, "outOfScopeSince", link.OutOfScopeSince.Value.ToString("o", CultureInfo.InvariantCulture));
                    if (link.ReclaimedAt.HasValue) Property(json, "reclaimedAt", link.ReclaimedAt.Value.ToString("o", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
                json.WriteWhitespace("\n");
                json.WriteEndArray();
                json.WriteEndObject();
            }
            writer.Flush();
        }

        private static void Property(JsonTextWriter json, string name, string value)
        {
            if (value == null) return;
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        public static LinkSet ReadLinks(Stream stream, string path, CancellationToken cancellationToken)
        {
            var set = new LinkSet(1024);
            using (var reader = new JsonTextReader(new StreamReader(stream, Utf8, false, 256 * 1024)) { DateParseHandling = DateParseHandling.None })
            {
                if (!reader.Read() || reader.TokenType != JsonToken.StartObject) throw Corrupt(path, reader, "expected an object");
                var sawLinks = false;
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value;
                    if (name != "links")
                    {
                        reader.Read();
                        reader.Skip();
                        continue;
                    }
                    sawLinks = true;
                    if (!reader.Read() || reader.TokenType != JsonToken.StartArray) throw Corrupt(path, reader, "'links' is not an array");
                    var n = 0;
                    while (reader.Read() && reader.TokenType == JsonToken.StartObject)
                    {
                        if (++n % 10000 == 0) cancellationToken.ThrowIfCancellationRequested();
                        set.Upsert(ReadLink(reader, path));
                    }
                    if (reader.TokenType != JsonToken.EndArray) throw Corrupt(path, reader, "a link is not an object");
                }
                if (reader.TokenType != JsonToken.EndObject) throw Corrupt(path, reader, "the document ends early (truncated)");
                // A links document without its array is damage: reading it as "no links" would re-adopt or re-create everyone.
                if (!sawLinks) throw Corrupt(path, reader, "it has no 'links' array");
            }
            return set;
        }

        private static ObjectLink ReadLink(JsonTextReader reader, string path)
        {
            var link = new ObjectLink();
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value;
                reader.Read();
                switch (name)
                {
                    case "sourceId": link.SourceId = (string)reader.Value; break;
                    case "targetId": link.TargetId = (string)reader.Value; break;
                    case "objectType":
                        if (!Enum.TryParse((string)reader.Value, true, out LinkedObjectType type)) throw Corrupt(path, reader, "unknown objectType");
                        link.ObjectType = type;
                        break;
                    case "displayName": link.DisplayName = (string)reader.Value; break;
                    case "matchedBy": link.MatchedBy = (string)reader.Value; break;
                    case "createdByUs": link.CreatedByUs = reader.Value is bool b && b; break;
                    case "linkedAt": link.LinkedAt = ParseDate(reader, path); break;
                    case "outOfScopeSince": link.OutOfScopeSince = ParseDate(reader, path); break;
                    case "reclaimedAt": link.ReclaimedAt = ParseDate(reader, path); break;
                    default: reader.Skip(); break;
                }
            }
            return link;
        }

        private static DateTimeOffset ParseDate(JsonTextReader reader, string path)
        {
            if (reader.Value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)) return d;
            throw Corrupt(path, reader, "a date is not ISO 8601");
        }

        private static InvalidDataException Corrupt(string path, JsonTextReader reader, string problem) =>
            Damaged(path, $"at line {reader.LineNumber}, position {reader.LinePosition}: {problem}");

        /// <summary>A damaged state document: the sync stops and sends nothing; the message says how to restore the previous version.</summary>
        public static InvalidDataException Damaged(string path, string problem, Exception inner = null)
        {
            var previous = path + AtomicFile.PreviousSuffix;
            var restore = File.Exists(previous)
                ? $" The previous version is kept in '{previous}': copy it over the damaged file to restore it, then run the sync again."
                : " No previous version is kept; Reset-ShareFileProvisioningState starts over (links are then matched again).";
            return new InvalidDataException($"The state file '{path}' is damaged ({problem}); nothing was sent.{restore}", inner);
        }
    }
}
