using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// One Entra user. Common attributes are typed fields (lean for 100k-user benchmarks); anything else lives in
/// <see cref="Extra"/>. Change tracking: <see cref="CreatedSeq"/> covers every property at creation, later edits
/// stamp <see cref="PropertySeq"/> per property so a delta only surfaces users whose *selected* properties changed.
/// </summary>
public sealed class GraphUser
{
    public string Id { get; set; }
    public string UserPrincipalName { get; set; }
    public string Mail { get; set; }
    public string GivenName { get; set; }
    public string Surname { get; set; }
    public string DisplayName { get; set; }
    public string CompanyName { get; set; }
    public string Department { get; set; }
    public string JobTitle { get; set; }
    public bool AccountEnabled { get; set; } = true;
    public string EmployeeId { get; set; }
    public string MailNickname { get; set; }
    public string CreatedDateTime { get; set; }
    public JObject Extra { get; set; }

    /// <summary>Soft-deleted: restorable, invisible to reads, `@removed: changed` in delta.</summary>
    public bool IsSoftDeleted { get; internal set; }
    public string DeletedDateTime { get; internal set; }

    /// <summary>Purged: kept only as a tombstone so a delta can report `@removed: deleted`.</summary>
    public bool IsPurged { get; internal set; }

    internal long CreatedSeq;
    /// <summary>Seq of the last soft delete, restore or purge.</summary>
    internal long StateSeq;
    internal Dictionary<string, long> PropertySeq;

    /// <summary>The value Graph would return for a property (canonical camelCase name), or null.</summary>
    public JToken Get(string name) => name switch
    {
        "id" => Id,
        "userPrincipalName" => UserPrincipalName,
        "mail" => Mail,
        "givenName" => GivenName,
        "surname" => Surname,
        "displayName" => DisplayName,
        "companyName" => CompanyName,
        "department" => Department,
        "jobTitle" => JobTitle,
        "accountEnabled" => AccountEnabled,
        "employeeId" => EmployeeId,
        "mailNickname" => MailNickname,
        "createdDateTime" => CreatedDateTime,
        "deletedDateTime" => DeletedDateTime,
        _ => Extra?[name]?.DeepClone() ?? DefaultFor(name),
    };

    internal void Set(string name, JToken value)
    {
        string Str() => value == null || value.Type == JTokenType.Null ? null : value.Type == JTokenType.String ? (string)value : throw new ArgumentException($"User property '{name}' must be a string.");
        switch (name)
        {
            case "id": throw new ArgumentException("User property 'id' cannot be changed.");
            case "userPrincipalName": UserPrincipalName = Str(); break;
            case "mail": Mail = Str(); break;
            case "givenName": GivenName = Str(); break;
            case "surname": Surname = Str(); break;
            case "displayName": DisplayName = Str(); break;
            case "companyName": CompanyName = Str(); break;
            case "department": Department = Str(); break;
            case "jobTitle": JobTitle = Str(); break;
            case "employeeId": EmployeeId = Str(); break;
            case "mailNickname": MailNickname = Str(); break;
            case "accountEnabled":
                AccountEnabled = value != null && value.Type == JTokenType.Boolean ? (bool)value : throw new ArgumentException("User property 'accountEnabled' must be true or false.");
                break;
            case "createdDateTime":
            case "deletedDateTime":
                throw new ArgumentException($"User property '{name}' is read-only.");
            default:
                Extra ??= new JObject();
                Extra[name] = value?.DeepClone() ?? JValue.CreateNull();
                break;
        }
    }

    /// <summary>Graph answers [] rather than null for these collections.</summary>
    private static JToken DefaultFor(string name) =>
        name is "businessPhones" or "otherMails" or "proxyAddresses" or "imAddresses" or "identities" or "assignedLicenses"
            ? new JArray() : JValue.CreateNull();
}
