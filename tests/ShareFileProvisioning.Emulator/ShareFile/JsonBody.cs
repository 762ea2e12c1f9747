using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>Reads request bodies the way ShareFile does: property names case-insensitive, wrong types rejected with 400.</summary>
internal static class JsonBody
{
    public static JToken Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (reader.Read() && reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Trailing content after the JSON value.");
            return token;
        }
        catch (JsonException e)
        {
            throw ShareFileApiException.BadRequest("The request body is not valid JSON: " + e.Message);
        }
    }

    public static JObject Object(JToken body, string what)
    {
        if (body is JObject o) return o;
        throw ShareFileApiException.BadRequest($"{what}: the request body must be a JSON object.");
    }

    public static JArray Array(JToken body, string what)
    {
        if (body is JArray a) return a;
        throw ShareFileApiException.BadRequest($"{what}: the request body must be a JSON array.");
    }

    public static JToken Get(JObject o, string name) =>
        o?.GetValue(name, StringComparison.OrdinalIgnoreCase) is { Type: not JTokenType.Null } t ? t : null;

    public static bool Has(JObject o, string name) => Get(o, name) != null;

    public static string String(JObject o, string name)
    {
        var t = Get(o, name);
        if (t == null) return null;
        if (t.Type != JTokenType.String) throw ShareFileApiException.BadRequest($"Property '{name}' must be a string.");
        return (string)t;
    }

    public static bool? Bool(JObject o, string name)
    {
        var t = Get(o, name);
        if (t == null) return null;
        if (t.Type != JTokenType.Boolean) throw ShareFileApiException.BadRequest($"Property '{name}' must be true or false.");
        return (bool)t;
    }

    public static int? Int(JObject o, string name)
    {
        var t = Get(o, name);
        if (t == null) return null;
        if (t.Type != JTokenType.Integer) throw ShareFileApiException.BadRequest($"Property '{name}' must be an integer.");
        return (int)t;
    }

    public static JObject Child(JObject o, string name)
    {
        var t = Get(o, name);
        if (t == null) return null;
        return t as JObject ?? throw ShareFileApiException.BadRequest($"Property '{name}' must be an object.");
    }

    public static List<string> Strings(JToken t, string name)
    {
        if (t is not JArray a) throw ShareFileApiException.BadRequest($"'{name}' must be an array of strings.");
        return a.Select(x => x.Type == JTokenType.String ? (string)x : throw ShareFileApiException.BadRequest($"'{name}' must contain only strings.")).ToList();
    }
}
