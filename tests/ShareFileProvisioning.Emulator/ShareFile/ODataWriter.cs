using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>
/// Renders entities and feeds as ShareFile does: odata.metadata/odata.type/Id/absolute url from the request's own origin,
/// PascalCase, nulls omitted, navigation properties only when $expand-ed, $select honoured, paged as docs/sharefile-api.md says.
/// </summary>
internal sealed class ODataWriter
{
    private const string Models = "ShareFile.Api.Models.";
    private readonly HttpRequest _request;
    private readonly HashSet<string> _expand;
    private readonly Dictionary<string, HashSet<string>> _select; // top-level name → nested names (empty = whole)
    private readonly FeedSettings _feeds;

    public ODataWriter(HttpRequest request, FeedSettings feeds)
    {
        _request = request;
        _feeds = feeds ?? new FeedSettings(false, null);
        Base = $"{request.Scheme}://{request.Host}/sf/v3/";
        _expand = new HashSet<string>(SplitList(request.Query["$expand"]).Select(e => e.Split('/')[0]), StringComparer.OrdinalIgnoreCase);
        var select = SplitList(request.Query["$select"]).ToList();
        if (select.Count > 0)
        {
            _select = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in select)
            {
                var parts = s.Split('/', 2);
                if (!_select.TryGetValue(parts[0], out var nested)) _select[parts[0]] = nested = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (parts.Length == 2) nested.Add(parts[1]);
            }
        }
    }

    public string Base { get; }

    public bool Expands(string name) => _expand.Contains(name);

    public static string Timestamp(DateTime utc)
    {
        var s = utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return s + "Z";
    }

    // ---- entities ----

    public JObject User(SfUser u) => Select(UserBody(u));

    private JObject UserBody(SfUser u)
    {
        var type = u.IsEmployee ? "AccountUser" : "User";
        var o = Entity("Users", type, u.Id, $"Users({u.Id})");
        o["Email"] = u.Email;
        o["Username"] = u.Email;
        o["Emails"] = new JArray(u.Email);
        o["FirstName"] = u.FirstName;
        o["LastName"] = u.LastName;
        o["FullName"] = $"{u.FirstName} {u.LastName}".Trim();
        o["FullNameShort"] = string.IsNullOrEmpty(u.FirstName) ? u.LastName : $"{u.FirstName[0]}. {u.LastName}";
        Put(o, "Company", u.Company);
        o["DateCreated"] = Timestamp(u.DateCreated);
        o["IsConfirmed"] = u.LastAnyLogin != null;
        o["IsDeleted"] = false;
        o["Roles"] = new JArray(u.Roles.ToArray());
        if (u.IsEmployee)
        {
            o["IsAdministrator"] = u.IsAdministrator;
            o["CanCreateFolders"] = u.HasRole(SfRoles.CanCreateFolders);
            o["CanUseFileBox"] = u.HasRole(SfRoles.CanUseFileBox);
            o["CanManageUsers"] = u.HasRole(SfRoles.CanManageUsers);
            if (u.StorageQuotaLimitGB != null) o["StorageQuotaLimitGB"] = u.StorageQuotaLimitGB;
            if (u.Bandwidth != null) o["Bandwidth"] = u.Bandwidth;
        }
        if (Expands("Security")) o["Security"] = SecurityBody(u);
        if (Expands("Preferences")) o["Preferences"] = PreferencesBody(u);
        if (Expands("DefaultZone") && u.DefaultZoneId != null) o["DefaultZone"] = new JObject { ["Id"] = u.DefaultZoneId };
        return o;
    }

    public JObject Security(SfUser u)
    {
        var o = Entity("UserSecurity", "UserSecurity", u.Id, $"Users({u.Id})/Security");
        foreach (var p in SecurityBody(u).Properties()) o[p.Name] = p.Value;
        return Select(o);
    }

    public JObject Preferences(SfUser u)
    {
        var o = Entity("UserPreferences", "UserPreferences", u.Id, $"Users({u.Id})/Preferences");
        foreach (var p in PreferencesBody(u).Properties()) o[p.Name] = p.Value;
        return Select(o);
    }

    private static JObject SecurityBody(SfUser u)
    {
        var o = new JObject
        {
            ["IsDisabled"] = u.IsDisabled,
            ["IsLocked"] = u.IsLocked,
            ["ForcePasswordChange"] = false,
            ["UserAuthenticationType"] = "Basic",
        };
        if (u.LastAnyLogin is DateTime last) o["LastAnyLogin"] = Timestamp(last);
        if (u.FirstAnyLogin is DateTime first) o["FirstAnyLogin"] = Timestamp(first);
        return o;
    }

    private static JObject PreferencesBody(SfUser u)
    {
        var o = new JObject
        {
            ["CanResetPassword"] = u.CanResetPassword,
            ["CanViewMySettings"] = u.CanViewMySettings,
            ["IsSharedUserAccount"] = u.IsSharedUserAccount,
            ["UserNotificationLocale"] = u.UserNotificationLocale,
        };
        Put(o, "TimeZone", u.TimeZone);
        return o;
    }

    public JObject Contact(SfUser u) => Select(ContactBody(u));

    private JObject ContactBody(SfUser u)
    {
        var o = Entity("Contacts", "Contact", u.Id, $"Contacts({u.Id})");
        o["Email"] = u.Email;
        o["Name"] = $"{u.LastName}, {u.FirstName}";
        o["FirstName"] = u.FirstName;
        o["LastName"] = u.LastName;
        Put(o, "Company", u.Company);
        o["IsConfirmed"] = u.LastAnyLogin != null;
        if (!_feeds.OmitFeedState)
        {
            o["IsDisabled"] = u.IsDisabled;
            if (u.LastAnyLogin is DateTime last) o["LastAnyLogin"] = Timestamp(last);
        }
        o["CreatedDate"] = Timestamp(u.DateCreated);
        return o;
    }

    public JObject Group(SfGroup g, Func<string, SfUser> user)
    {
        var o = Entity("Groups", "Group", g.Id, $"Groups({g.Id})");
        o["Name"] = g.Name;
        o["IsShared"] = g.IsShared;
        o["NumberOfContacts"] = g.Members.Count;
        if (Expands("Owner") && user(g.OwnerId) is { } owner) o["Owner"] = UserBody(owner);
        if (Expands("Contacts"))
            o["Contacts"] = new JArray(g.Members.Select(user).Where(m => m != null).Select(ContactBody).ToArray());
        return Select(o);
    }

    public JObject Account(ShareFileState state)
    {
        var a = state.AccountLocked;
        var o = Entity("Accounts", "Account", state.AccountId, $"Accounts({state.AccountId})");
        o["CompanyName"] = a.Company;
        o["Subdomain"] = a.Subdomain;
        o["Subdomains"] = new JArray(a.Subdomain);
        Put(o, "PlanName", a.PlanName);
        if (a.UserMax != null) o["UserMax"] = a.UserMax;
        var usage = new JObject { ["EmployeeCount"] = state.EmployeeCountLocked, ["ClientCount"] = state.ClientCountLocked };
        if (a.UserMax != null) usage["EmployeeMax"] = a.UserMax;
        o["UserUsage"] = usage;
        if (Expands("Preferences")) o["Preferences"] = AccountPreferencesBody(a.Preferences);
        return Select(o);
    }

    public JObject AccountPreferences(ShareFileState state)
    {
        var o = Entity("AccountPreferences", "AccountPreferences", state.AccountId, "Accounts/Preferences");
        foreach (var p in AccountPreferencesBody(state.AccountLocked.Preferences).Properties()) o[p.Name] = p.Value;
        return Select(o);
    }

    private static JObject AccountPreferencesBody(SeedAccountPreferences p)
    {
        var o = new JObject
        {
            ["UseStrictEmployeeDefinition"] = p.UseStrictEmployeeDefinition,
            ["AdminIsSuperUser"] = p.AdminIsSuperUser,
            ["EnableSSO"] = p.EnableSSO,
            ["EnableTwoFactorAuth"] = p.EnableTwoFactorAuth,
        };
        Put(o, "EmployeeEmailDomains", p.EmployeeEmailDomains);
        return o;
    }

    // ---- feeds ----

    /// <summary>
    /// Paging (our decision, docs/sharefile-api.md 'Server-driven paging'): $top/$skip, odata.count before paging,
    /// nextLink with $skip advanced; no $top = whole feed, unless
    /// the seed sets a server page size: then every page of a read holds at most that many, $top or not.
    /// </summary>
    public JObject Feed<T>(string set, IReadOnlyCollection<T> items, Func<T, JObject> render)
    {
        var skip = QueryInt("$skip") ?? 0;
        var size = QueryInt("$top");
        // The server cap applies to reads only: the member feed a POST/DELETE Contacts answers with has no next page to fetch.
        if (_feeds.ServerPageSize is int cap && HttpMethods.IsGet(ShareFileRouter.EffectiveMethod(_request)) && (size == null || size > cap)) size = cap;
        var page = items.Skip(skip);
        if (size != null) page = page.Take(size.Value);
        var feed = new JObject
        {
            ["odata.metadata"] = Base + "$metadata#" + set,
            ["odata.count"] = items.Count,
            ["value"] = new JArray(page.Select(render).ToArray()),
        };
        if (size != null && skip + size.Value < items.Count) feed["odata.nextLink"] = NextLink(skip + size.Value);
        return feed;
    }

    private int? QueryInt(string name)
    {
        var raw = (string)_request.Query[name];
        if (string.IsNullOrEmpty(raw)) return null;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw ShareFileApiException.BadRequest($"Query option {name} must be a non-negative integer.");
        return n;
    }

    private string NextLink(int skip)
    {
        var parts = (_request.QueryString.Value ?? string.Empty).TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), "$skip", StringComparison.OrdinalIgnoreCase))
            .ToList();
        parts.Add("$skip=" + skip.ToString(CultureInfo.InvariantCulture));
        return $"{_request.Scheme}://{_request.Host}{_request.PathBase}{_request.Path}?{string.Join("&", parts)}";
    }

    // ---- helpers ----

    private JObject Entity(string set, string type, string id, string relativeUrl) => new()
    {
        ["odata.metadata"] = $"{Base}$metadata#{set}/{Models}{type}@Element",
        ["odata.type"] = Models + type,
        ["Id"] = id,
        ["url"] = Base + relativeUrl,
    };

    private JObject Select(JObject o)
    {
        if (_select == null) return o;
        foreach (var p in o.Properties().ToList())
        {
            if (p.Name.StartsWith("odata.", StringComparison.Ordinal) || p.Name == "url") continue;
            if (!_select.TryGetValue(p.Name, out var nested)) { p.Remove(); continue; }
            if (nested.Count > 0 && p.Value is JObject child)
                foreach (var c in child.Properties().ToList())
                    if (!c.Name.StartsWith("odata.", StringComparison.Ordinal) && !nested.Contains(c.Name)) c.Remove();
        }
        return o;
    }

    private static void Put(JObject o, string name, string value)
    {
        if (value != null) o[name] = value;
    }

    private static IEnumerable<string> SplitList(string value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
