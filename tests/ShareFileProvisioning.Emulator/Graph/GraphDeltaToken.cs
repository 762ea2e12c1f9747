using System;
using Newtonsoft.Json;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// Everything a delta round needs, carried inside the opaque $skiptoken / $deltatoken (no server-side table):
/// the selection and id filter of the first call, the change sequence the round started from, and the cursor.
/// </summary>
internal sealed class GraphDeltaToken
{
    [JsonProperty("e")] public string Epoch { get; set; }
    [JsonProperty("k")] public string Kind { get; set; }
    /// <summary>True for a nextLink ($skiptoken), false for a deltaLink ($deltatoken).</summary>
    [JsonProperty("n")] public bool IsNext { get; set; }
    [JsonProperty("s")] public string[] Select { get; set; }
    [JsonProperty("f")] public string[] FilterIds { get; set; }
    /// <summary>Initial round: every live object, no removals.</summary>
    [JsonProperty("i")] public bool Initial { get; set; }
    /// <summary>Changes with a sequence above this are reported.</summary>
    [JsonProperty("since")] public long Since { get; set; }
    /// <summary>The sequence when this round began: the next round's <see cref="Since"/>.</summary>
    [JsonProperty("snap")] public long Snapshot { get; set; }
    /// <summary>Objects with an id ordinal-greater than this are still to come.</summary>
    [JsonProperty("a")] public string After { get; set; }
    /// <summary>A group split over pages: continue it first, from this member position.</summary>
    [JsonProperty("r")] public string ResumeId { get; set; }
    [JsonProperty("ro")] public int ResumeOffset { get; set; }
    /// <summary>The Since this round would have without replays (replays re-report the previous round's changes).</summary>
    [JsonProperty("ns")] public long NormalSince { get; set; }
    /// <summary>On a deltaLink: where the next round starts when replays are on (the previous round's own start).</summary>
    [JsonProperty("rf")] public long ReplayFrom { get; set; }
    /// <summary>On a nextLink: the empty page that precedes this page (empty-pages switch) has been served.</summary>
    [JsonProperty("ep")] public bool EmptyServed { get; set; }
    /// <summary>When the round's deltaLink state was created (emulator clock, unix seconds): tokens live 7 days.</summary>
    [JsonProperty("t")] public long IssuedUnix { get; set; }

    public string Encode() => GraphQuery.Base64Url(JsonConvert.SerializeObject(this, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    public static GraphDeltaToken TryDecode(string raw)
    {
        try
        {
            return JsonConvert.DeserializeObject<GraphDeltaToken>(GraphQuery.FromBase64Url(raw));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
