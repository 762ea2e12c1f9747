using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>
/// The emulated Entra tenant: users, groups, the ShareFile service principal, assignments, delta state.
/// Every mutation takes the next value of one tenant-wide change sequence, so a delta token (which carries the
/// sequence it was issued at) sees exactly the changes made after it. One lock guards everything: the emulator
/// favours obvious correctness over concurrency.
/// </summary>
public sealed partial class GraphState
{
    internal readonly object Gate = new();
    private readonly Func<GraphSeed> _seedFactory;

    internal readonly Dictionary<string, GraphUser> UsersById = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<string, GraphGroup> GroupsById = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>All user ids (tombstones included) in ordinal order: the stable order of lists, pages and delta.</summary>
    internal readonly List<string> UserOrder = new();
    internal readonly List<string> GroupOrder = new();
    /// <summary>Deleted groups (id → change sequence of the deletion), so groups/delta reports them as @removed.</summary>
    internal readonly Dictionary<string, long> DeletedGroups = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Kept in ordinal order of assignment id: the order of appRoleAssignedTo pages.</summary>
    internal readonly List<GraphAppRoleAssignment> Assignments = new();
    private readonly HashSet<string> AssignmentKeys = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, GraphTokenGrant> TokenGrants = new(StringComparer.Ordinal);
    /// <summary>Tokens issued by the token endpoints → their roles (null = every permission).</summary>
    internal readonly Dictionary<string, List<string>> IssuedTokens = new(StringComparer.Ordinal);
    /// <summary>Extra (seeded) user attribute names, so $select accepts them like Graph's own properties.</summary>
    internal readonly Dictionary<string, string> ExtraUserNames = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<string, int> DeltaGoneCountdown = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<GraphSentMail> _sentMail = new();
    private List<GraphAppCredential> _apps = new();
    private TimeSpan _clockOffset;
    internal long Seq;

    private GraphState(Func<GraphSeed> seedFactory)
    {
        _seedFactory = seedFactory;
        Apply(seedFactory());
    }

    public string TenantId { get; private set; }
    public GraphServicePrincipal ServicePrincipal { get; private set; }
    public GraphManagedIdentity ManagedIdentity { get; private set; }
    public IReadOnlyList<GraphAppCredential> Apps => _apps;

    /// <summary>Changes on every load/reset; tokens from another epoch are unknown (syncStateNotFound).</summary>
    internal string Epoch { get; private set; }

    /// <summary>Objects per delta page.</summary>
    public int DeltaPageSize { get; set; }

    /// <summary>Most members@delta entries per page (0 = a group is never split over pages).</summary>
    public int DeltaMembersPageSize { get; set; }

    /// <summary>Every delta page with content is preceded by an empty page carrying a nextLink.</summary>
    public bool DeltaEmptyPages { get; set; }

    /// <summary>Each delta round re-reports the changes of the round before.</summary>
    public bool DeltaReplays { get; set; }

    /// <summary>The emulator clock (real time plus <see cref="AdvanceClock"/>): ages delta tokens and stamps dates.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + _clockOffset;

    /// <summary>Loads a seed file; null = seeds/graph-default.json next to the emulator assembly.</summary>
    public static GraphState Load(string seedPath)
    {
        var path = ResolveSeedPath(seedPath ?? Path.Combine("seeds", "graph-default.json"));
        var json = File.ReadAllText(path);
        return new GraphState(() => ParseSeed(json, path));
    }

    /// <summary>A state from a seed object (tests and generators).</summary>
    public static GraphState FromSeed(GraphSeed seed)
    {
        var json = JsonConvert.SerializeObject(seed);
        return new GraphState(() => ParseSeed(json, "(in-memory seed)"));
    }

    /// <summary>A synthetic tenant (see <see cref="GraphSeedGenerator.Create"/>), built straight from objects: fast and lean.</summary>
    public static GraphState Generate(int users, int groups = 0, int membersPerGroup = 0, int assignedUserPercent = 100, int randomSeed = 1)
    {
        // Reset regenerates deterministically instead of keeping a JSON copy of a large tenant.
        return new GraphState(() => GraphSeedGenerator.Create(users, groups, membersPerGroup, assignedUserPercent, randomSeed));
    }

    public static GraphSeed ParseSeed(string json, string source)
    {
        try
        {
            var settings = new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, MissingMemberHandling = MissingMemberHandling.Error };
            return JsonConvert.DeserializeObject<GraphSeed>(json, settings) ?? throw new InvalidDataException($"Graph seed '{source}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Graph seed '{source}' is not valid: {e.Message}", e);
        }
    }

    private static string ResolveSeedPath(string seedPath)
    {
        if (File.Exists(seedPath)) return Path.GetFullPath(seedPath);
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, seedPath);
        if (File.Exists(besideAssembly)) return besideAssembly;
        throw new FileNotFoundException($"Graph seed file '{seedPath}' was not found (looked in the current directory and in {AppContext.BaseDirectory}).", seedPath);
    }

    /// <summary>Back to the seed: new epoch (old delta tokens become unknown), clock offset and sent mail cleared.</summary>
    public void Reset()
    {
        lock (Gate) Apply(_seedFactory());
    }

    private void Apply(GraphSeed seed)
    {
        lock (Gate)
        {
            UsersById.Clear(); GroupsById.Clear(); UserOrder.Clear(); GroupOrder.Clear(); DeletedGroups.Clear(); Assignments.Clear(); AssignmentKeys.Clear();
            TokenGrants.Clear(); IssuedTokens.Clear(); ExtraUserNames.Clear(); DeltaGoneCountdown.Clear(); _sentMail.Clear();
            _clockOffset = TimeSpan.Zero;
            Seq = 0;
            Epoch = Guid.NewGuid().ToString("N").Substring(0, 12);

            TenantId = RequireGuid(seed.TenantId, "tenantId");
            ServicePrincipal = seed.ServicePrincipal ?? throw new InvalidDataException("Graph seed has no servicePrincipal.");
            RequireGuid(ServicePrincipal.Id, "servicePrincipal.id");
            RequireGuid(ServicePrincipal.AppId, "servicePrincipal.appId");
            ValidateAppRoles(ServicePrincipal);
            ManagedIdentity = seed.ManagedIdentity;
            _apps = seed.Apps ?? new List<GraphAppCredential>();
            DeltaPageSize = seed.DeltaPageSize > 0 ? seed.DeltaPageSize : 100;
            DeltaMembersPageSize = Math.Max(0, seed.DeltaMembersPageSize);
            DeltaEmptyPages = seed.DeltaEmptyPages;
            DeltaReplays = seed.DeltaReplays;
            foreach (var grant in seed.Tokens ?? new List<GraphTokenGrant>()) TokenGrants[grant.Token] = grant;

            foreach (var u in seed.Users ?? new List<GraphUserSeed>()) AddUserLocked(u.ToUser(), bulk: true);
            UserOrder.Sort(StringComparer.Ordinal);
            var groups = seed.Groups ?? new List<GraphGroupSeed>();
            foreach (var g in groups)
            {
                AddGroupLocked(new GraphGroup
                {
                    Id = g.Id, DisplayName = g.DisplayName, Description = g.Description, MailNickname = g.MailNickname,
                    SecurityEnabled = g.SecurityEnabled, MailEnabled = g.MailEnabled,
                }, bulk: true);
            }
            GroupOrder.Sort(StringComparer.Ordinal);
            // Members after all groups exist, so nested groups may be listed in any order.
            foreach (var g in groups)
            {
                foreach (var memberId in g.Members ?? new List<string>())
                {
                    if (!UsersById.ContainsKey(memberId) && !GroupsById.ContainsKey(memberId))
                        throw new InvalidDataException($"Graph seed: group '{g.DisplayName}' lists member '{memberId}', which is neither a user nor a group.");
                    GroupsById[g.Id].Members.Add(memberId);
                }
            }
            foreach (var a in seed.AppRoleAssignments ?? new List<GraphAssignmentSeed>())
                AssignLocked(a.PrincipalId, a.AppRoleId ?? GraphAppRoleAssignment.DefaultAppRoleId, a.PrincipalType, bulk: true);
            Assignments.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        }
    }

    private static string RequireGuid(string value, string what) =>
        Guid.TryParse(value, out _) ? value : throw new InvalidDataException($"Graph seed: {what} '{value}' is not a GUID.");

    internal string Stamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static void InsertSorted(List<string> order, string id)
    {
        var at = order.BinarySearch(id, StringComparer.Ordinal);
        if (at < 0) order.Insert(~at, id);
    }

    // ---------- reads used by the endpoints (call under Gate) ----------

    internal bool IsLiveUser(string id) => UsersById.TryGetValue(id, out var u) && !u.IsSoftDeleted && !u.IsPurged;

    internal GraphUser LiveUser(string idOrUpn)
    {
        if (UsersById.TryGetValue(idOrUpn, out var u)) return u.IsSoftDeleted || u.IsPurged ? null : u;
        // Graph also addresses users by userPrincipalName.
        return UsersById.Values.FirstOrDefault(x => !x.IsSoftDeleted && !x.IsPurged && string.Equals(x.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Direct members as Entra reports them: soft-deleted/purged users are not members.</summary>
    internal IEnumerable<string> EffectiveMembers(GraphGroup group) =>
        group.Members.Where(m => IsLiveUser(m) || GroupsById.ContainsKey(m)).OrderBy(m => m, StringComparer.Ordinal);

    internal string ODataTypeOf(string objectId) =>
        GroupsById.ContainsKey(objectId) || DeletedGroups.ContainsKey(objectId) ? "#microsoft.graph.group" : "#microsoft.graph.user";

    internal IEnumerable<GraphAppRoleAssignment> LiveAssignments() => Assignments.Where(IsLiveAssignment);

    /// <summary>A soft-deleted user's assignments are hidden, and come back on restore.</summary>
    internal bool IsLiveAssignment(GraphAppRoleAssignment a) =>
        a.PrincipalType == "Group" ? GroupsById.ContainsKey(a.PrincipalId) : IsLiveUser(a.PrincipalId);

    internal string PrincipalDisplayName(GraphAppRoleAssignment a) =>
        a.PrincipalType == "Group" ? GroupsById[a.PrincipalId].DisplayName : UsersById[a.PrincipalId].DisplayName;

    /// <summary>True if the bearer token carries one of the permissions (tokens not configured carry all).</summary>
    internal bool TokenHasAny(string token, IReadOnlyCollection<string> permissions)
    {
        List<string> roles = null;
        if (TokenGrants.TryGetValue(token, out var grant)) roles = grant.Roles ?? new List<string>();
        else if (IssuedTokens.TryGetValue(token, out var issued)) roles = issued;
        return roles == null || roles.Any(r => permissions.Contains(r, StringComparer.OrdinalIgnoreCase));
    }

    internal void RecordIssuedToken(string token, List<string> roles)
    {
        lock (Gate) IssuedTokens[token] = roles;
    }

    internal GraphAppCredential FindApp(string clientId) =>
        _apps.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<GraphSentMail> SentMail
    {
        get { lock (Gate) return _sentMail.ToList(); }
    }

    internal void RecordSentMail(GraphSentMail mail)
    {
        lock (Gate) _sentMail.Add(mail);
    }

    /// <summary>A user's current state (null if unknown or purged); a copy, safe to read outside the lock.</summary>
    public GraphUser GetUser(string id)
    {
        lock (Gate)
        {
            if (!UsersById.TryGetValue(id, out var u) || u.IsPurged) return null;
            return new GraphUser
            {
                Id = u.Id, UserPrincipalName = u.UserPrincipalName, Mail = u.Mail, GivenName = u.GivenName, Surname = u.Surname,
                DisplayName = u.DisplayName, CompanyName = u.CompanyName, Department = u.Department, JobTitle = u.JobTitle,
                AccountEnabled = u.AccountEnabled, EmployeeId = u.EmployeeId, MailNickname = u.MailNickname,
                CreatedDateTime = u.CreatedDateTime, Extra = (JObject)u.Extra?.DeepClone(),
                IsSoftDeleted = u.IsSoftDeleted, DeletedDateTime = u.DeletedDateTime,
            };
        }
    }

    public IReadOnlyList<string> UserIds
    {
        get { lock (Gate) return UserOrder.Where(id => !UsersById[id].IsPurged).ToList(); }
    }

    public IReadOnlyList<string> GroupIds
    {
        get { lock (Gate) return GroupOrder.ToList(); }
    }

    /// <summary>Direct effective member ids of a group.</summary>
    public IReadOnlyList<string> GetGroupMembers(string groupId)
    {
        lock (Gate) return EffectiveMembers(RequireGroup(groupId)).ToList();
    }

    public IReadOnlyList<GraphAppRoleAssignment> GetAssignments()
    {
        lock (Gate) return LiveAssignments().ToList();
    }

    private static void ValidateAppRoles(GraphServicePrincipal sp)
    {
        foreach (var role in sp.AppRoles ?? new List<GraphAppRole>())
        {
            RequireGuid(role.Id, $"appRoles '{role.DisplayName}' id");
            if (role.AllowedMemberTypes == null || role.AllowedMemberTypes.Count == 0)
                throw new InvalidDataException($"Graph seed: app role '{role.DisplayName}' needs allowedMemberTypes (User, Group or Application).");
            var bad = role.AllowedMemberTypes.FirstOrDefault(t => !GraphAppRole.MemberTypes.Contains(t));
            if (bad != null)
                throw new InvalidDataException($"Graph seed: app role '{role.DisplayName}' has allowedMemberTypes '{bad}'; use User, Group or Application (names are case-sensitive, as in Entra).");
            if (role.AllowedMemberTypes.Distinct().Count() != role.AllowedMemberTypes.Count)
                throw new InvalidDataException($"Graph seed: app role '{role.DisplayName}' lists a member type twice.");
        }
    }
}
