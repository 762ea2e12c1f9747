using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>OData query options as Graph's directory endpoints accept them: $select, $top, $filter, $skiptoken.</summary>
internal static class GraphQuery
{
    public const int DefaultPageSize = 100;

    /// <summary>Canonical selected user properties (id first, always present), or null when there is no $select.</summary>
    public static string[] UserSelect(HttpContext ctx, GraphState state) =>
        ParseSelect(GraphHttp.Query(ctx, "select"), name =>
        {
            var canonical = GraphProperties.CanonicalUserProperty(name);
            if (canonical != null) return canonical;
            lock (state.Gate) return state.ExtraUserNames.TryGetValue(name, out var extra) ? extra : null;
        }, "microsoft.graph.user");

    public static string[] GroupSelect(HttpContext ctx) =>
        ParseSelect(GraphHttp.Query(ctx, "select"), GraphProperties.CanonicalGroupProperty, "microsoft.graph.group");

    public static string[] ParseSelect(string raw, Func<string, string> canonical, string typeName)
    {
        if (raw == null) return null;
        var names = new List<string> { "id" };
        foreach (var part in raw.Split(',').Select(p => p.Trim()))
        {
            if (part.Length == 0) throw GraphError.BadRequest("Syntax error: character ',' is not valid at this position in '$select'.");
            var name = canonical(part) ?? throw GraphError.BadRequest($"Could not find a property named '{part}' on type '{typeName}'.");
            if (!names.Contains(name)) names.Add(name);
        }
        return names.ToArray();
    }

    /// <summary>$top 1–999; default 100.</summary>
    public static int Top(HttpContext ctx)
    {
        var raw = GraphHttp.Query(ctx, "top");
        if (raw == null) return DefaultPageSize;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var top) || top < 1 || top > 999)
            throw new GraphError(400, "Request_BadRequest", $"Invalid page size specified: '{raw}'. Must be between 1 and 999 inclusive.");
        return top;
    }

    // ---------- $filter ----------

    private static readonly Regex EqClause = new(@"^\s*(\w+)\s+eq\s+('(?:[^']|'')*'|true|false)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex InClause = new(@"^\s*(\w+)\s+in\s*\((.*)\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    private static readonly Regex QuotedValue = new(@"\s*'((?:[^']|'')*)'\s*(,|$)", RegexOptions.CultureInvariant);

    /// <summary>
    /// A filter of `p eq 'v'` clauses joined by `or`, or one `p in ('a','b')`. Returns (property, allowed values)
    /// pairs; any pair matching lets an object through. Properties outside <paramref name="filterable"/> → 400.
    /// </summary>
    public static List<(string Property, HashSet<string> Values)> ParseFilter(string raw, IReadOnlyCollection<string> filterable, string resource)
    {
        if (raw == null) return null;
        var result = new List<(string, HashSet<string>)>();
        foreach (var clause in SplitOr(raw))
        {
            Match m;
            string property;
            var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if ((m = EqClause.Match(clause)).Success)
            {
                property = m.Groups[1].Value;
                values.Add(Unquote(m.Groups[2].Value));
            }
            else if ((m = InClause.Match(clause)).Success)
            {
                property = m.Groups[1].Value;
                var list = m.Groups[2].Value;
                var at = 0;
                while (at < list.Length)
                {
                    var v = QuotedValue.Match(list, at);
                    if (!v.Success || v.Index != at) throw GraphError.BadRequest($"Invalid filter clause: the value list of '{property} in (...)' is malformed.");
                    values.Add(v.Groups[1].Value.Replace("''", "'"));
                    at = v.Index + v.Length;
                }
                if (values.Count == 0) throw GraphError.BadRequest($"Invalid filter clause: '{property} in ()' has no values.");
            }
            else
            {
                throw GraphError.BadRequest($"Invalid filter clause: '{clause.Trim()}' is not supported by the emulator (use eq / in / or).");
            }
            var canonical = filterable.FirstOrDefault(f => string.Equals(f, property, StringComparison.OrdinalIgnoreCase))
                ?? throw GraphError.UnsupportedQuery($"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.");
            result.Add((canonical, values));
        }
        return result;
    }

    public static bool Matches(List<(string Property, HashSet<string> Values)> filter, Func<string, JToken> get) =>
        filter == null || filter.Any(c =>
        {
            var v = get(c.Property);
            if (v == null || v.Type == JTokenType.Null) return false;
            var text = v.Type == JTokenType.Boolean ? ((bool)v ? "true" : "false") : v.ToString();
            return c.Values.Contains(text);
        });

    private static string Unquote(string token) =>
        token.StartsWith("'", StringComparison.Ordinal) ? token.Substring(1, token.Length - 2).Replace("''", "'") : token.ToLowerInvariant();

    /// <summary>Splits on ` or ` outside quoted strings.</summary>
    private static IEnumerable<string> SplitOr(string raw)
    {
        var start = 0;
        var inQuote = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\'') inQuote = !inQuote;
            else if (!inQuote && i + 4 <= raw.Length && string.Compare(raw, i, " or ", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                yield return raw.Substring(start, i - start);
                start = i + 4;
                i += 3;
            }
        }
        yield return raw.Substring(start);
    }

    // ---------- paging ----------

    /// <summary>Opaque $skiptoken: the last key served, bound to the state epoch.</summary>
    public static string EncodeSkipToken(GraphState state, string afterKey) =>
        Base64Url(JsonConvert.SerializeObject(new JObject { ["e"] = state.Epoch, ["a"] = afterKey }));

    public static string DecodeSkipToken(HttpContext ctx, GraphState state)
    {
        var raw = GraphHttp.Query(ctx, "skiptoken");
        if (raw == null) return null;
        try
        {
            var o = JObject.Parse(FromBase64Url(raw));
            if ((string)o["e"] == state.Epoch && o["a"]?.Type == JTokenType.String) return (string)o["a"];
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException) { }
        throw new GraphError(400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
    }

    /// <summary>
    /// One page after the cursor, plus the nextLink (null on the last page). <paramref name="itemsAfter"/> yields the
    /// key-ordered items whose key is ordinal-greater than its argument (null = from the start), so large lists seek
    /// instead of scanning.
    /// </summary>
    public static (List<T> Items, string NextLink) Page<T>(HttpContext ctx, GraphState state, Func<string, IEnumerable<T>> itemsAfter, Func<T, string> key)
    {
        var top = Top(ctx);
        var after = DecodeSkipToken(ctx, state);
        var page = new List<T>(Math.Min(top, 1000));
        var more = false;
        foreach (var item in itemsAfter(after))
        {
            if (page.Count == top) { more = true; break; }
            page.Add(item);
        }
        return (page, more ? GraphHttp.NextLink(ctx, EncodeSkipToken(state, key(page[^1]))) : null);
    }

    /// <summary>Items of an ordinal-sorted list after a key, found by binary search.</summary>
    public static IEnumerable<T> SortedAfter<T>(IReadOnlyList<T> sorted, Func<T, string> key, string after)
    {
        var lo = 0;
        if (after != null)
        {
            var hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (string.CompareOrdinal(key(sorted[mid]), after) <= 0) lo = mid + 1; else hi = mid;
            }
        }
        for (var i = lo; i < sorted.Count; i++) yield return sorted[i];
    }

    /// <summary>For small in-memory lists already in key order.</summary>
    public static Func<string, IEnumerable<T>> After<T>(IReadOnlyList<T> sorted, Func<T, string> key) => after => SortedAfter(sorted, key, after);

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string FromBase64Url(string token)
    {
        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }
}
