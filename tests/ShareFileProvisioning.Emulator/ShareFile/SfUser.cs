using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>Mutable user record; only touched under the state's lock.</summary>
internal sealed class SfUser
{
    public string Id;
    public long Seq;
    /// <summary>Deleted; still in the ordered list until the next compaction.</summary>
    public bool Removed;
    public string Email;
    public string Password;
    public string FirstName;
    public string LastName;
    public string Company;
    public bool IsEmployee;
    public bool IsDisabled;
    public bool IsLocked = false; // never set by the API; kept so Security renders the real field
    public bool IsAdministrator;
    public List<string> Roles = new();
    public DateTime DateCreated;
    public DateTime? FirstAnyLogin;
    public DateTime? LastAnyLogin;
    public int? StorageQuotaLimitGB;
    public int? Bandwidth;
    public string DefaultZoneId;
    public int Items;
    public bool CanResetPassword = true;
    public bool CanViewMySettings = true;
    public bool IsSharedUserAccount;
    public string TimeZone;
    public string UserNotificationLocale = "Invariant";

    public bool HasRole(string role) => Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    public void AddRole(string role)
    {
        if (!HasRole(role)) Roles.Add(role);
    }

    public void RemoveRole(string role) => Roles.RemoveAll(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));

    public void SetRole(string role, bool on)
    {
        if (on) AddRole(role);
        else RemoveRole(role);
    }

    public ShareFileUserInfo ToInfo() => new(Id, Email, FirstName, LastName, Company, IsEmployee, IsDisabled,
        Roles.ToArray(), DateCreated, Items, Password != null);
}

/// <summary>Mutable group record; only touched under the state's lock.</summary>
internal sealed class SfGroup
{
    public string Id;
    public long Seq;
    public bool Removed;
    public string Name;
    public bool IsShared;
    public string OwnerId;
    public List<string> Members = new();
    public HashSet<string> MemberSet = new(StringComparer.OrdinalIgnoreCase);

    public ShareFileGroupInfo ToInfo() => new(Id, Name, IsShared, OwnerId, Members.ToArray());
}

/// <summary>Read-only snapshot of a user, for in-process tests.</summary>
public sealed record ShareFileUserInfo(string Id, string Email, string FirstName, string LastName, string Company,
    bool IsEmployee, bool IsDisabled, IReadOnlyList<string> Roles, DateTime DateCreated, int Items, bool CanSignIn);

/// <summary>Read-only snapshot of a group, for in-process tests.</summary>
public sealed record ShareFileGroupInfo(string Id, string Name, bool IsShared, string OwnerId, IReadOnlyList<string> MemberIds);

/// <summary>Read-only snapshot of the account and its licence usage.</summary>
public sealed record ShareFileAccountInfo(string Id, string Subdomain, string CompanyName, int? UserMax,
    int EmployeeCount, int ClientCount, bool UseStrictEmployeeDefinition, string EmployeeEmailDomains, int LostItems);
