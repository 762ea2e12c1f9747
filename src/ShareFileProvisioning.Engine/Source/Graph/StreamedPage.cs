using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// A Graph collection page read straight from its JSON body: only the properties the engine uses, one item at a
    /// time. The SDK's models build a full object per item (a User has some 150 field readers and a backing store);
    /// for the pages read in bulk, every cycle, that was most of the CPU on two cores (docs/performance.md).
    /// </summary>
    internal sealed class StreamedPage<T>
    {
        private StreamedPage(List<T> value, string nextLink)
        {
            Value = value;
            OdataNextLink = nextLink;
        }

        public List<T> Value { get; }

        public string OdataNextLink { get; }

        /// <summary>Reads { "value": [ … ], "@odata.nextLink": "…" }; <paramref name="readItem"/> is told each item property.</summary>
        public static StreamedPage<T> Read(Stream body, Func<PropertyReader, T> readItem)
        {
            var items = new List<T>();
            string next = null;
            using (var json = new JsonTextReader(new StreamReader(body)) { DateParseHandling = DateParseHandling.None, CloseInput = false })
            {
                if (!json.Read() || json.TokenType != JsonToken.StartObject) throw new JsonReaderException("A Graph page is not a JSON object.");
                foreach (var name in new PropertyReader(json).Names())
                {
                    if (name == "value" && json.TokenType == JsonToken.StartArray)
                        while (json.Read() && json.TokenType == JsonToken.StartObject) items.Add(readItem(new PropertyReader(json)));
                    else if (name == "@odata.nextLink") next = json.Value as string;
                }
            }

            return new StreamedPage<T>(items, next);
        }
    }

    /// <summary>The properties of the JSON object the reader stands on: each name, with the reader on its value.</summary>
    internal sealed class PropertyReader
    {
        private readonly JsonTextReader _json;

        public PropertyReader(JsonTextReader json)
        {
            _json = json;
        }

        /// <summary>The value of the current property as a string (null for JSON null or a non-string); nested values are skipped.</summary>
        public string String
        {
            get
            {
                if (_json.TokenType == JsonToken.StartObject || _json.TokenType == JsonToken.StartArray)
                {
                    _json.Skip();
                    return null;
                }

                return _json.Value as string;
            }
        }

        /// <summary>Each property name in turn; the caller reads (or leaves) its value before asking for the next.</summary>
        public IEnumerable<string> Names()
        {
            while (_json.Read() && _json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)_json.Value;
                _json.Read();
                var depth = _json.Depth;
                yield return name;
                // A value the caller did not read is skipped whole.
                if (_json.Depth == depth && (_json.TokenType == JsonToken.StartObject || _json.TokenType == JsonToken.StartArray)) _json.Skip();
            }
        }
    }
}
