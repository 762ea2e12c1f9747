using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>The Graph reads the source needs (docs/graph-api.md, 'What the source reads'), each paged to the end and error-translated.</summary>
    internal sealed class GraphGateway
    {
        public const int PageSize = 999;

        private readonly GraphServiceClient _client;
        private readonly string _baseUrl;
        private readonly GraphPager _pager;

        internal GraphServiceClient Client => _client;

        public GraphGateway(GraphServiceClient client, Uri graphBaseUri)
        {
            _client = client;
            _baseUrl = graphBaseUri.ToString().TrimEnd('/');
            _pager = new GraphPager(graphBaseUri);
        }

        public async Task<ServicePrincipalInfo> FindServicePrincipalAsync(SourceAppSelector app, CancellationToken ct)
        {
            var select = new[] { "id", "appId", "displayName", "appRoles" };
            ServicePrincipal sp;
            if (!string.IsNullOrEmpty(app.ServicePrincipalId) || !string.IsNullOrEmpty(app.AppId))
            {
                try
                {
                    sp = await GraphCall.Run($"reading {app}", GraphPermissions.ApplicationReadAll, () => app.ServicePrincipalId != null
                        ? _client.ServicePrincipals[app.ServicePrincipalId].GetAsync(rc => rc.QueryParameters.Select = select, ct)
                        : _client.ServicePrincipalsWithAppId(app.AppId).GetAsync(rc => rc.QueryParameters.Select = select, ct)).ConfigureAwait(false);
                }
                catch (SourceException e) when (e.StatusCode == 404)
                {
                    throw new SourceAppNotFoundException($"The enterprise app ({app}) was not found in the tenant.");
                }
            }
            else
            {
                var name = app.DisplayName ?? throw new ArgumentException("Name the ShareFile enterprise app by service principal id, app id or display name.");
                var page = await GraphCall.Run($"finding {app}", GraphPermissions.ApplicationReadAll, () =>
                    _client.ServicePrincipals.GetAsync(rc =>
                    {
                        rc.QueryParameters.Filter = $"displayName eq '{name.Replace("'", "''")}'";
                        rc.QueryParameters.Select = select;
                    }, ct)).ConfigureAwait(false);
                var found = page?.Value ?? new List<ServicePrincipal>();
                if (found.Count == 0) throw new SourceAppNotFoundException($"No enterprise app named '{name}' was found in the tenant.");
                if (found.Count > 1)
                    throw new SourceAppNotFoundException($"{found.Count} enterprise apps are named '{name}' ({string.Join(", ", found.Select(f => f.Id))}); name one by -ServicePrincipalId.");
                sp = found[0];
            }

            return new ServicePrincipalInfo
            {
                Id = sp.Id,
                AppId = sp.AppId,
                DisplayName = sp.DisplayName,
                AppRoles = (sp.AppRoles ?? new List<AppRole>()).Select(r => new AppRoleInfo { Id = r.Id?.ToString(), DisplayName = r.DisplayName, Value = r.Value }).ToList(),
            };
        }

        private static readonly string[] AssignmentSelect = { "id", "principalId", "principalType", "principalDisplayName", "appRoleId" };

        /// <param name="onPage">Told the size of each page as it arrives (progress).</param>
        public async Task<List<ScopeAssignment>> ListAssignmentsAsync(ServicePrincipalInfo sp, CancellationToken ct, Action<int> onPage = null)
        {
            const string op = "listing the app's assignments (appRoleAssignedTo)";
            var result = new List<ScopeAssignment>();
            await _pager.ReadAsync(op, GraphPermissions.ApplicationReadAll, null,
                () => StreamedRead.GetAsync(body => ReadAssignments(sp, body), option => _client.ServicePrincipals[sp.Id].AppRoleAssignedTo.GetAsync(rc =>
                {
                    rc.Options.Add(option);
                    rc.QueryParameters.Top = PageSize;
                    // Only what scope needs: assignments are re-listed every cycle, so every byte is paid each time.
                    rc.QueryParameters.Select = AssignmentSelect;
                }, ct)),
                next => StreamedRead.GetAsync(body => ReadAssignments(sp, body), option =>
                    _client.ServicePrincipals[sp.Id].AppRoleAssignedTo.WithUrl(next).GetAsync(rc => rc.Options.Add(option), ct)),
                page => page.OdataNextLink,
                page =>
                {
                    result.AddRange(page.Value);
                    onPage?.Invoke(page.Value.Count);
                    return true;
                }).ConfigureAwait(false);
            return result;
        }

        private static StreamedPage<ScopeAssignment> ReadAssignments(ServicePrincipalInfo sp, System.IO.Stream body) =>
            StreamedPage<ScopeAssignment>.Read(body, item => ReadAssignment(item, sp));

        private static ScopeAssignment ReadAssignment(PropertyReader item, ServicePrincipalInfo sp)
        {
            var a = new ScopeAssignment();
            foreach (var name in item.Names())
            {
                switch (name)
                {
                    case "id": a.Id = item.String; break;
                    case "principalId": a.PrincipalId = Guid(item.String); break;
                    case "principalType": a.PrincipalType = PrincipalType(item.String); break;
                    case "principalDisplayName": a.PrincipalDisplayName = item.String; break;
                    case "appRoleId": a.AppRoleId = Guid(item.String); break;
                }
            }

            a.AppRoleId = a.AppRoleId ?? ScopeAssignment.DefaultAppRoleId;
            a.AppRoleName = RoleName(sp, a.AppRoleId);
            return a;
        }

        /// <summary>Ids in one spelling (lower case, as the SDK's Guid gave them), whatever case Graph sent.</summary>
        private static string Guid(string value) => System.Guid.TryParse(value, out var g) ? g.ToString() : value;

        /// <summary>One shared string per principal type: 100,000 assignments need not carry 100,000 copies.</summary>
        private static string PrincipalType(string value)
        {
            switch (value)
            {
                case "User": return "User";
                case "Group": return "Group";
                case "ServicePrincipal": return "ServicePrincipal";
                default: return value;
            }
        }

        internal static string RoleName(ServicePrincipalInfo sp, string roleId) =>
            roleId == ScopeAssignment.DefaultAppRoleId
                ? "Default Access"
                : sp.AppRoles.FirstOrDefault(r => string.Equals(r.Id, roleId, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? roleId;

        /// <summary>
        /// Direct members of many groups (user ids and group ids; nested groups are not expanded), read as steps of Graph
        /// JSON batches: 20 groups per batch, up to <paramref name="maxBatches"/> batches at once, each step's nextLinks
        /// followed by the pager (as more steps). One group's failed read is that group's result, not its neighbours'.
        /// </summary>
        public async Task<Dictionary<string, GroupMembersRead>> ListDirectMembersAsync(IEnumerable<string> groupIds, int maxBatches, CancellationToken ct)
        {
            var batcher = new GraphBatcher(_client, maxBatches);
            List<Task<GroupMembersRead>> reads;
            using (batcher.Hold())
                reads = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => ReadDirectMembersAsync(batcher, id, ct)).ToList();
            var result = new Dictionary<string, GroupMembersRead>(StringComparer.OrdinalIgnoreCase);
            foreach (var read in await Task.WhenAll(reads).ConfigureAwait(false)) result[read.GroupId] = read;
            return result;
        }

        private static StreamedPage<MemberReference> ReadMembers(System.IO.Stream body) => StreamedPage<MemberReference>.Read(body, MemberReference.Read);

        private async Task<GroupMembersRead> ReadDirectMembersAsync(GraphBatcher batcher, string groupId, CancellationToken ct)
        {
            var op = $"listing the members of group {groupId}";
            var read = new GroupMembersRead { GroupId = groupId };
            try
            {
                await _pager.ReadAsync(op, GraphPermissions.GroupMemberReadAll, null,
                    () => batcher.GetAsync(() => _client.Groups[groupId].Members.ToGetRequestInformation(rc =>
                    {
                        rc.QueryParameters.Select = new[] { "id" };
                        rc.QueryParameters.Top = PageSize;
                    }), ReadMembers, ct),
                    next => batcher.GetAsync(() => _client.Groups[groupId].Members.WithUrl(next).ToGetRequestInformation(), ReadMembers, ct),
                    page => page.OdataNextLink,
                    page =>
                    {
                        foreach (var m in page.Value)
                        {
                            if (m.IsGroup) read.Groups.Add(m.Id);
                            else if (m.IsUser) read.Users.Add(m.Id);
                        }

                        return true;
                    }).ConfigureAwait(false);
            }
            catch (SourceException e)
            {
                read.Error = e;
            }

            return read;
        }

        /// <summary>Every user among the group's transitive members (nested groups expanded by Graph), deduplicated.</summary>
        public async Task<List<string>> ListTransitiveUserIdsAsync(string groupId, CancellationToken ct)
        {
            var op = $"listing the transitive members of group {groupId}";
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await ReadTransitiveMembersAsync(op, groupId, page =>
            {
                foreach (var m in page.Value ?? new List<DirectoryObject>())
                    if (m is User && m.Id != null && seen.Add(m.Id)) ids.Add(m.Id);
                return true;
            }, ct).ConfigureAwait(false);

            return ids;
        }

        /// <summary>Whether the group's transitive members include the user (for explaining "nested, not expanded").</summary>
        public async Task<bool> IsTransitiveMemberAsync(string groupId, string userId, CancellationToken ct)
        {
            var op = $"listing the transitive members of group {groupId}";
            var found = false;
            await ReadTransitiveMembersAsync(op, groupId, page =>
            {
                found = (page.Value ?? new List<DirectoryObject>()).Any(m => string.Equals(m.Id, userId, StringComparison.OrdinalIgnoreCase));
                return !found;
            }, ct).ConfigureAwait(false);
            return found;
        }

        private Task<DirectoryObjectCollectionResponse> ReadTransitiveMembersAsync(string op, string groupId, Func<DirectoryObjectCollectionResponse, bool> consume, CancellationToken ct) =>
            _pager.ReadAsync(op, GraphPermissions.GroupMemberReadAll, null,
                () => _client.Groups[groupId].TransitiveMembers.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = new[] { "id" };
                    rc.QueryParameters.Top = PageSize;
                }, ct),
                next => _client.Groups[groupId].TransitiveMembers.WithUrl(next).GetAsync(cancellationToken: ct),
                page => page.OdataNextLink,
                consume);


        /// <summary>
        /// Users by list: with <paramref name="ids"/> one `id in (…)` page set, else the whole tenant. The first page of a
        /// tenant list asks for @odata.count (advanced query) so the caller can choose the cheaper strategy.
        /// </summary>
        public async Task<List<User>> ListUsersAsync(IReadOnlyCollection<string> select, IReadOnlyCollection<string> ids, Func<long?, bool> continueAfterFirstPage, CancellationToken ct, Action<List<User>> onPage = null)
        {
            const string op = "reading users";
            var result = new List<User>();
            var first = true;
            await _pager.ReadAsync(op, GraphPermissions.UserReadAll, null,
                () => _client.Users.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = select.ToArray();
                    rc.QueryParameters.Top = PageSize;
                    if (ids != null) rc.QueryParameters.Filter = "id in (" + string.Join(",", ids.Select(i => "'" + i + "'")) + ")";
                    else
                    {
                        rc.QueryParameters.Count = true;
                        rc.Headers.Add("ConsistencyLevel", "eventual");
                    }
                }, ct),
                // nextLinks keep $count but not the header, which every page of an advanced query needs.
                next => _client.Users.WithUrl(next).GetAsync(rc =>
                {
                    if (ids == null) rc.Headers.Add("ConsistencyLevel", "eventual");
                }, ct),
                page => page.OdataNextLink,
                page =>
                {
                    result.AddRange(page.Value ?? new List<User>());
                    if (page.Value != null) onPage?.Invoke(page.Value);
                    var go = !first || continueAfterFirstPage == null || continueAfterFirstPage(page.OdataCount);
                    first = false;
                    return go;
                }).ConfigureAwait(false);

            return result;
        }

        /// <summary>Soft-deleted users (directory/deletedItems), every page.</summary>
        public async Task<List<User>> ListDeletedUsersAsync(IReadOnlyCollection<string> select, CancellationToken ct)
        {
            var result = new List<User>();
            await _pager.ReadAsync("reading deleted users", GraphPermissions.UserReadAll, null,
                () => _client.Directory.DeletedItems.GraphUser.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = select.ToArray();
                    rc.QueryParameters.Top = PageSize;
                }, ct),
                next => _client.Directory.DeletedItems.GraphUser.WithUrl(next).GetAsync(cancellationToken: ct),
                page => page.OdataNextLink,
                page =>
                {
                    result.AddRange(page.Value ?? new List<User>());
                    return true;
                }).ConfigureAwait(false);
            return result;
        }

        public async Task<User> GetUserAsync(string idOrUpn, IReadOnlyCollection<string> select, CancellationToken ct)
        {
            try
            {
                return await GraphCall.Run($"reading user {idOrUpn}", GraphPermissions.UserReadAll, () =>
                    _client.Users[idOrUpn].GetAsync(rc => rc.QueryParameters.Select = select.ToArray(), ct)).ConfigureAwait(false);
            }
            catch (SourceException e) when (e.StatusCode == 404)
            {
                return null;
            }
        }

        public async Task<Group> GetGroupAsync(string id, CancellationToken ct)
        {
            try
            {
                return await GraphCall.Run($"reading group {id}", GraphPermissions.GroupMemberReadAll, () =>
                    _client.Groups[id].GetAsync(rc => rc.QueryParameters.Select = new[] { "id", "displayName" }, ct)).ConfigureAwait(false);
            }
            catch (SourceException e) when (e.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>A deltaLink that starts from now ($deltatoken=latest): no objects, only the link.</summary>
        public async Task<string> LatestDeltaLinkAsync(string resource, IReadOnlyCollection<string> select, CancellationToken ct)
        {
            var url = $"{_baseUrl}/{resource}/delta?$select={string.Join(",", select)}&$deltatoken=latest";
            if (resource == "users")
            {
                var r = await GraphCall.Run("starting the users delta", GraphPermissions.UserReadAll, () =>
                    _client.Users.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct)).ConfigureAwait(false);
                return _pager.ToStore(r.OdataDeltaLink, "starting the users delta");
            }

            var g = await GraphCall.Run("starting the groups delta", GraphPermissions.GroupMemberReadAll, () =>
                _client.Groups.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct)).ConfigureAwait(false);
            return _pager.ToStore(g.OdataDeltaLink, "starting the groups delta");
        }

        public Task<(List<User> Users, string DeltaLink)> ReadUsersDeltaAsync(string link, CancellationToken ct) =>
            ReadDeltaAsync("reading user changes (users/delta)", GraphPermissions.UserReadAll, link,
                url => _client.Users.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct), p => p.Value, p => p.OdataNextLink, p => p.OdataDeltaLink);

        public Task<(List<Group> Groups, string DeltaLink)> ReadGroupsDeltaAsync(string link, CancellationToken ct) =>
            ReadDeltaAsync("reading group changes (groups/delta)", GraphPermissions.GroupMemberReadAll, link,
                url => _client.Groups.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct), p => p.Value, p => p.OdataNextLink, p => p.OdataDeltaLink);

        /// <summary>From a stored delta link (checked: it must be on the Graph origin) through the nextLinks to the new deltaLink.</summary>
        private async Task<(List<T> Items, string DeltaLink)> ReadDeltaAsync<TPage, T>(
            string op, string permission, string link, Func<string, Task<TPage>> read,
            Func<TPage, List<T>> valueOf, Func<TPage, string> nextLinkOf, Func<TPage, string> deltaLinkOf)
            where TPage : class
        {
            var items = new List<T>();
            var last = await _pager.ReadAsync(op, permission, link, () => read(link), read, nextLinkOf, page =>
            {
                items.AddRange(valueOf(page) ?? new List<T>());
                return true;
            }).ConfigureAwait(false);
            return (items, _pager.ToStore(last == null ? null : deltaLinkOf(last), op));
        }

        /// <summary>Cheap probes for the connection test: one request per permission.</summary>
        public Task ProbeUsersAsync(CancellationToken ct) =>
            GraphCall.Run("listing users", GraphPermissions.UserReadAll, () =>
                _client.Users.GetAsync(rc => { rc.QueryParameters.Top = 1; rc.QueryParameters.Select = new[] { "id" }; }, ct));

        public Task ProbeGroupsAsync(CancellationToken ct) =>
            GraphCall.Run("listing groups", GraphPermissions.GroupMemberReadAll, () =>
                _client.Groups.GetAsync(rc => { rc.QueryParameters.Top = 1; rc.QueryParameters.Select = new[] { "id" }; }, ct));
    }

    /// <summary>One group's direct members, or why they could not be read.</summary>
    internal sealed class GroupMembersRead
    {
        public string GroupId { get; set; }
        public List<string> Users { get; } = new List<string>();
        public List<string> Groups { get; } = new List<string>();
        /// <summary>Set when this group's read failed (its neighbours in the same batch are unaffected).</summary>
        public SourceException Error { get; set; }
    }
}
