using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>One Entra group with its direct members (user or group ids) and per-member change history for delta.</summary>
public sealed class GraphGroup
{
    public string Id { get; set; }
    public string DisplayName { get; set; }
    public string Description { get; set; }
    public string MailNickname { get; set; }
    public bool SecurityEnabled { get; set; } = true;
    public bool MailEnabled { get; set; }
    public string CreatedDateTime { get; set; }

    /// <summary>Direct member ids as stored (a soft-deleted user stays here but is not an effective member).</summary>
    internal readonly HashSet<string> Members = new(System.StringComparer.Ordinal);

    internal long CreatedSeq;
    internal Dictionary<string, long> PropertySeq;
    /// <summary>memberId → (seq, present after the change). Only changes after creation are recorded.</summary>
    internal Dictionary<string, (long Seq, bool Present)> MemberChanges;

    public JToken Get(string name) => name switch
    {
        "id" => Id,
        "displayName" => DisplayName,
        "description" => Description,
        "mailNickname" => MailNickname,
        "securityEnabled" => SecurityEnabled,
        "mailEnabled" => MailEnabled,
        "createdDateTime" => CreatedDateTime,
        "groupTypes" => new JArray(),
        "proxyAddresses" => new JArray(),
        _ => JValue.CreateNull(),
    };

    internal void Set(string name, JToken value)
    {
        string Str() => value == null || value.Type == JTokenType.Null ? null : value.Type == JTokenType.String ? (string)value : throw new System.ArgumentException($"Group property '{name}' must be a string.");
        bool Bool() => value != null && value.Type == JTokenType.Boolean ? (bool)value : throw new System.ArgumentException($"Group property '{name}' must be true or false.");
        switch (name)
        {
            case "displayName": DisplayName = Str(); break;
            case "description": Description = Str(); break;
            case "mailNickname": MailNickname = Str(); break;
            case "securityEnabled": SecurityEnabled = Bool(); break;
            case "mailEnabled": MailEnabled = Bool(); break;
            default: throw new System.ArgumentException($"Group property '{name}' cannot be set in the emulator.");
        }
    }
}
