using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>
/// The emulated ShareFile account: users, groups, tokens. Seeded from JSON. One reader/writer lock guards the
/// records so the sync's parallel requests see consistent state; lookups are dictionary hits (by id, by email).
/// Methods ending in "Locked" (other partial files) expect the caller to hold the lock via Read/Write.
/// </summary>
public sealed partial class ShareFileState
{
    public const int MaxGroupMembers = 2000;
    public const int MaxBulkUsers = 100;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, SfUser> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SfUser> _usersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SfGroup> _groupsById = new(StringComparer.OrdinalIgnoreCase);
    // Reverse indexes so deleting a user does not scan every group.
    private readonly Dictionary<string, HashSet<string>> _groupsByMember = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _groupsByOwner = new(StringComparer.OrdinalIgnoreCase);
    // Insertion-ordered lists give stable feed order for paging. Deleted records are flagged and skipped, and the
    // lists are compacted only once a quarter of them is dead, so a delete stays O(1) amortised.
    private readonly List<SfUser> _userOrder = new();
    private readonly List<SfGroup> _groupOrder = new();
    private int _removedUsers;
    private int _removedGroups;
    private long _seq;
    private int _employeeCount;

    private ShareFileSeed _seed;
    private SeedAccount _account;
    private string _accountId;
    private int _lostItems;

    private ShareFileState(ShareFileSeed seed) => ResetTo(seed);

    /// <summary>Loads a seed file; null = seeds/sharefile-default.json next to the emulator assembly.</summary>
    public static ShareFileState Load(string seedPath) => new(ShareFileSeed.FromFile(ResolveSeedPath(seedPath)));

    public static ShareFileState FromSeed(ShareFileSeed seed) => new(seed ?? throw new ArgumentNullException(nameof(seed)));

    public const string DefaultSeedFile = "sharefile-default.json";

    internal static string ResolveSeedPath(string seedPath)
    {
        var baseDir = AppContext.BaseDirectory;
        if (string.IsNullOrEmpty(seedPath)) return Path.Combine(baseDir, "seeds", DefaultSeedFile);
        if (File.Exists(seedPath) || Path.IsPathRooted(seedPath)) return seedPath;
        var besideAssembly = Path.Combine(baseDir, seedPath);
        if (File.Exists(besideAssembly)) return besideAssembly;
        throw new FileNotFoundException($"ShareFile seed '{seedPath}' not found (looked in the working directory and {baseDir}).", seedPath);
    }

    /// <summary>Access-token lifetime in seconds (expires_in); starts at the seed's tokenLifetimeSeconds.</summary>
    public int TokenLifetimeSeconds { get; set; }

    /// <summary>Feed rendering switches of the current seed (or the environment, when the seed leaves them out).</summary>
    public FeedSettings Feeds { get; private set; } = new(false, null);

    public string ClientId => _seed.OAuth.ClientId;
    public string Subdomain => _account.Subdomain;
    public string AdminEmail => _seed.Admin?.Email;

    /// <summary>Back to the seed this state was loaded from: users, groups, tokens, lifetime.</summary>
    public void Reset() => ResetTo(_seed);

    /// <summary>Replaces everything with a new seed (e.g. a generated 100,000-user seed for benchmarks).</summary>
    public void ResetTo(ShareFileSeed seed)
    {
        if (seed == null) throw new ArgumentNullException(nameof(seed));
        _lock.EnterWriteLock();
        try
        {
            _seed = seed;
            ApplySeedLocked(seed);
        }
        finally { _lock.ExitWriteLock(); }
        ClearTokens();
    }

    private void ApplySeedLocked(ShareFileSeed seed)
    {
        _usersById.Clear(); _usersByEmail.Clear(); _groupsById.Clear(); _groupsByMember.Clear(); _groupsByOwner.Clear();
        _userOrder.Clear(); _groupOrder.Clear(); _removedUsers = 0; _removedGroups = 0; _employeeCount = 0; _lostItems = 0; _seq = 0;
        _account = seed.Account ?? new SeedAccount();
        _account.Preferences ??= new SeedAccountPreferences();
        seed.OAuth ??= new SeedOAuthClient();
        if (string.IsNullOrWhiteSpace(_account.Subdomain)) throw new InvalidDataException("ShareFile seed: account.subdomain is required.");
        _accountId = _account.Id ?? "a" + StableGuid("account:" + _account.Subdomain).Substring(0, 35);
        TokenLifetimeSeconds = seed.TokenLifetimeSeconds > 0 ? seed.TokenLifetimeSeconds : 28800;
        Feeds = FeedSettings.From(seed);

        var created = DateTime.UtcNow;
        if (seed.Admin != null) AddSeedUser(seed.Admin, isAdmin: true, created);
        foreach (var u in seed.Users ?? new List<SeedUser>()) AddSeedUser(u, isAdmin: false, created);

        var adminId = seed.Admin != null ? _usersByEmail[seed.Admin.Email].Id : null;
        var index = 0;
        foreach (var g in seed.Groups ?? new List<SeedGroup>())
        {
            index++;
            if (string.IsNullOrWhiteSpace(g.Name)) throw new InvalidDataException($"ShareFile seed: group #{index} has no name.");
            var ownerId = g.Owner == null ? adminId : (FindSeedUser(g.Owner)?.Id
                ?? throw new InvalidDataException($"ShareFile seed: group '{g.Name}' owner '{g.Owner}' is not a seeded user."));
            if (ownerId == null) throw new InvalidDataException($"ShareFile seed: group '{g.Name}' needs an owner (no admin seeded).");
            var group = new SfGroup
            {
                Id = g.Id ?? "g" + StableGuid($"group:{index}:{g.Name}").Substring(0, 35),
                Name = g.Name, IsShared = g.IsShared, OwnerId = ownerId,
            };
            if (_groupsById.ContainsKey(group.Id)) throw new InvalidDataException($"ShareFile seed: duplicate group id '{group.Id}'.");
            AddGroupLocked(group);
            foreach (var m in g.Members ?? new List<string>())
            {
                var member = FindSeedUser(m) ?? throw new InvalidDataException($"ShareFile seed: group '{g.Name}' member '{m}' is not a seeded user.");
                AddMemberLocked(group, member.Id);
            }
            if (group.Members.Count > MaxGroupMembers) throw new InvalidDataException($"ShareFile seed: group '{g.Name}' has more than {MaxGroupMembers} members.");
        }
    }

    private SfUser FindSeedUser(string emailOrId) =>
        _usersByEmail.TryGetValue(emailOrId, out var u) ? u : _usersById.TryGetValue(emailOrId, out u) ? u : null;

    private void AddSeedUser(SeedUser s, bool isAdmin, DateTime created)
    {
        var what = isAdmin ? "admin" : $"user '{s.Email}'";
        if (string.IsNullOrWhiteSpace(s.Email) || !s.Email.Contains('@')) throw new InvalidDataException($"ShareFile seed: {what} needs a valid email.");
        if (_usersByEmail.ContainsKey(s.Email)) throw new InvalidDataException($"ShareFile seed: email '{s.Email}' is used twice.");
        var type = s.Type ?? "Employee";
        bool employee;
        if (string.Equals(type, "Employee", StringComparison.OrdinalIgnoreCase)) employee = true;
        else if (string.Equals(type, "Client", StringComparison.OrdinalIgnoreCase)) employee = false;
        else throw new InvalidDataException($"ShareFile seed: {what} has type '{type}'; use Employee or Client.");
        if (isAdmin && !employee) throw new InvalidDataException("ShareFile seed: the admin must be an Employee.");

        var roles = s.Roles?.Select(r => SfRoles.Known.TryGetValue(r, out var c) ? c
                        : throw new InvalidDataException($"ShareFile seed: {what} has unknown role '{r}'.")).ToList()
                    ?? (isAdmin ? SfRoles.DefaultAdmin() : employee ? SfRoles.DefaultEmployee() : SfRoles.DefaultClient()).ToList();
        var user = new SfUser
        {
            Id = (s.Id ?? StableGuid("user:" + s.Email.ToLowerInvariant())).ToLowerInvariant(),
            Email = s.Email, Password = s.Password,
            FirstName = s.FirstName ?? s.Email.Split('@')[0], LastName = s.LastName ?? "User", Company = s.Company ?? (employee ? _account.Company : null),
            IsEmployee = employee, IsDisabled = s.Disabled, IsAdministrator = s.IsAdministrator || isAdmin,
            Roles = roles, DateCreated = s.DateCreated?.ToUniversalTime() ?? created, Items = s.Items, LastAnyLogin = s.LastAnyLogin?.ToUniversalTime(),
        };
        user.RemoveRole(employee ? SfRoles.Client : SfRoles.Employee);
        user.Roles.Insert(0, employee ? SfRoles.Employee : SfRoles.Client);
        user.Roles = user.Roles.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!employee && user.Roles.Any(SfRoles.EmployeeOnly.Contains))
            throw new InvalidDataException($"ShareFile seed: client '{s.Email}' has an employee-only role.");
        if (_usersById.ContainsKey(user.Id)) throw new InvalidDataException($"ShareFile seed: duplicate user id '{user.Id}'.");
        AddUserLocked(user);
    }

    // ---- lock helpers ----

    internal T Read<T>(Func<T> body)
    {
        _lock.EnterReadLock();
        try { return body(); }
        finally { _lock.ExitReadLock(); }
    }

    internal T Write<T>(Func<T> body)
    {
        _lock.EnterWriteLock();
        try
        {
            var result = body();
            CompactOrderLocked();
            return result;
        }
        finally
        {
            CompactOrderLocked();
            _lock.ExitWriteLock();
        }
    }

    // ---- index maintenance (lock held) ----

    private void AddUserLocked(SfUser user)
    {
        user.Seq = ++_seq;
        _usersById.Add(user.Id, user);
        _usersByEmail.Add(user.Email, user);
        _userOrder.Add(user);
        if (user.IsEmployee) _employeeCount++;
    }

    private void RemoveUserLocked(SfUser user)
    {
        _usersById.Remove(user.Id);
        _usersByEmail.Remove(user.Email);
        user.Removed = true;
        _removedUsers++;
        if (user.IsEmployee) _employeeCount--;
        if (_groupsByMember.Remove(user.Id, out var groups))
            foreach (var gid in groups)
            {
                var g = _groupsById[gid];
                g.MemberSet.Remove(user.Id);
                g.Members.Remove(user.Id);
            }
    }

    private void AddGroupLocked(SfGroup group)
    {
        group.Seq = ++_seq;
        _groupsById.Add(group.Id, group);
        _groupOrder.Add(group);
        IndexOwner(group.OwnerId, group.Id, add: true);
    }

    private void RemoveGroupLocked(SfGroup group)
    {
        _groupsById.Remove(group.Id);
        group.Removed = true;
        _removedGroups++;
        IndexOwner(group.OwnerId, group.Id, add: false);
        foreach (var m in group.Members)
            if (_groupsByMember.TryGetValue(m, out var set)) set.Remove(group.Id);
    }

    private void IndexOwner(string ownerId, string groupId, bool add)
    {
        if (add)
        {
            if (!_groupsByOwner.TryGetValue(ownerId, out var set)) _groupsByOwner[ownerId] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.Add(groupId);
        }
        else if (_groupsByOwner.TryGetValue(ownerId, out var set)) set.Remove(groupId);
    }

    private void SetOwnerLocked(SfGroup group, string ownerId)
    {
        IndexOwner(group.OwnerId, group.Id, add: false);
        group.OwnerId = ownerId;
        IndexOwner(ownerId, group.Id, add: true);
    }

    private bool AddMemberLocked(SfGroup group, string userId)
    {
        if (!group.MemberSet.Add(userId)) return false;
        group.Members.Add(userId);
        if (!_groupsByMember.TryGetValue(userId, out var set)) _groupsByMember[userId] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        set.Add(group.Id);
        return true;
    }

    private bool RemoveMemberLocked(SfGroup group, string userId)
    {
        if (!group.MemberSet.Remove(userId)) return false;
        group.Members.Remove(userId);
        if (_groupsByMember.TryGetValue(userId, out var set)) set.Remove(group.Id);
        return true;
    }

    // Compaction happens under the write lock only, so readers never see the lists change under them.
    private void CompactOrderLocked()
    {
        if (_removedUsers > 64 && _removedUsers * 4 > _userOrder.Count)
        {
            _userOrder.RemoveAll(u => u.Removed);
            _removedUsers = 0;
        }
        if (_removedGroups > 64 && _removedGroups * 4 > _groupOrder.Count)
        {
            _groupOrder.RemoveAll(g => g.Removed);
            _removedGroups = 0;
        }
    }

    internal IEnumerable<SfUser> OrderedUsersLocked() => _userOrder.Where(u => !u.Removed);
    internal IEnumerable<SfGroup> OrderedGroupsLocked() => _groupOrder.Where(g => !g.Removed);

    internal SfUser UserLocked(string id) => id != null && _usersById.TryGetValue(id, out var u) ? u : null;
    internal SfUser UserByEmailLocked(string email) => email != null && _usersByEmail.TryGetValue(email, out var u) ? u : null;
    internal SfGroup GroupLocked(string id) => id != null && _groupsById.TryGetValue(id, out var g) ? g : null;
    internal SeedAccount AccountLocked => _account;
    internal string AccountId => _accountId;
    internal int EmployeeCountLocked => _employeeCount;
    internal int ClientCountLocked => _usersById.Count - _employeeCount;

    // ---- public read-only views (snapshots) ----

    public IReadOnlyList<ShareFileUserInfo> Users => Read(() => OrderedUsersLocked().Select(u => u.ToInfo()).ToList());

    public IReadOnlyList<ShareFileGroupInfo> Groups => Read(() => OrderedGroupsLocked().Select(g => g.ToInfo()).ToList());

    public ShareFileAccountInfo Account => Read(() => new ShareFileAccountInfo(_accountId, _account.Subdomain, _account.Company,
        _account.UserMax, _employeeCount, _usersById.Count - _employeeCount, _account.Preferences.UseStrictEmployeeDefinition,
        _account.Preferences.EmployeeEmailDomains, _lostItems));

    public ShareFileUserInfo FindUser(string idOrEmail) => Read(() => (UserLocked(idOrEmail) ?? UserByEmailLocked(idOrEmail))?.ToInfo());

    public ShareFileGroupInfo FindGroup(string id) => Read(() => GroupLocked(id)?.ToInfo());

    /// <summary>Groups with this exact name (case-insensitive); duplicates are allowed (name uniqueness is undocumented).</summary>
    public IReadOnlyList<ShareFileGroupInfo> FindGroupsByName(string name) =>
        Groups.Where(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>State as seed-shaped JSON (ids included, passwords and secrets left out), for /_emulator/state.</summary>
    public string DumpJson() => Read(() =>
    {
        var users = new JArray();
        foreach (var u in OrderedUsersLocked())
        {
            var o = new JObject
            {
                ["id"] = u.Id, ["email"] = u.Email, ["firstName"] = u.FirstName, ["lastName"] = u.LastName,
                ["company"] = u.Company, ["type"] = u.IsEmployee ? "Employee" : "Client", ["disabled"] = u.IsDisabled,
                ["isAdministrator"] = u.IsAdministrator, ["roles"] = new JArray(u.Roles.ToArray()), ["items"] = u.Items,
                ["dateCreated"] = ODataWriter.Timestamp(u.DateCreated), ["canSignIn"] = u.Password != null,
            };
            users.Add(o);
        }
        var groups = new JArray();
        foreach (var g in OrderedGroupsLocked())
        {
            groups.Add(new JObject
            {
                ["id"] = g.Id, ["name"] = g.Name, ["isShared"] = g.IsShared,
                ["owner"] = _usersById.TryGetValue(g.OwnerId, out var owner) ? owner.Email : g.OwnerId,
                ["members"] = new JArray(g.Members.Select(m => (object)(_usersById.TryGetValue(m, out var mu) ? mu.Email : m)).ToArray()),
            });
        }
        var dump = new JObject
        {
            ["account"] = new JObject
            {
                ["id"] = _accountId, ["subdomain"] = _account.Subdomain, ["company"] = _account.Company,
                ["appcp"] = _account.Appcp, ["apicp"] = _account.Apicp, ["planName"] = _account.PlanName,
                ["userMax"] = _account.UserMax is int max ? max : JValue.CreateNull(),
                ["employeeCount"] = _employeeCount, ["clientCount"] = _usersById.Count - _employeeCount, ["lostItems"] = _lostItems,
                ["preferences"] = new JObject
                {
                    ["useStrictEmployeeDefinition"] = _account.Preferences.UseStrictEmployeeDefinition,
                    ["employeeEmailDomains"] = _account.Preferences.EmployeeEmailDomains,
                },
            },
            ["tokenLifetimeSeconds"] = TokenLifetimeSeconds,
            ["users"] = users,
            ["groups"] = groups,
        };
        return dump.ToString(Formatting.Indented);
    });

    // ---- ids ----

    internal static string NewUserId() => Guid.NewGuid().ToString("D");
    internal static string NewGroupId() => "g" + Guid.NewGuid().ToString("D").Substring(0, 35);

    /// <summary>Seeded objects get ids derived from their names so a reset reproduces the same ids.</summary>
    private static string StableGuid(string key)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash).ToString("D");
    }
}
