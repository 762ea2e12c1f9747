using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Users endpoints (docs/sharefile-api.md, 'Users').</summary>
    public sealed partial class ShareFileClient
    {
        /// <summary>Most user ids one bulk call accepts.</summary>
        public const int BulkLimit = 100;

        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>GET Users: the signed-in user, with Roles.</summary>
        public Task<SfUser> GetCurrentUserAsync(CancellationToken cancellationToken)
        {
            return GetModelAsync<SfUser>("Users", cancellationToken);
        }

        /// <summary>GET Users(id); expandSecurity adds Security (needed for IsDisabled).</summary>
        public Task<SfUser> GetUserAsync(string id, bool expandSecurity, CancellationToken cancellationToken)
        {
            return GetModelAsync<SfUser>($"Users({Id(id, "user")})" + (expandSecurity ? "?$expand=Security" : string.Empty), cancellationToken);
        }

        /// <summary>GET Users?emailaddress=…; null when no user has this address (ShareFile answers 404).</summary>
        public async Task<SfUser> FindUserByEmailAsync(string email, bool expandSecurity, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new ArgumentException("An email address is required to look up a ShareFile user.", nameof(email));
            }

            try
            {
                return await GetModelAsync<SfUser>(
                    "Users?emailaddress=" + Query(email.Trim()) + (expandSecurity ? "&$expand=Security" : string.Empty),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ShareFileApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>POST Users: creates a client user. ifNecessary=true returns an existing user with this email instead of 409.</summary>
        public async Task<SfUser> CreateClientAsync(SfCreateClientRequest request, bool notify, bool ifNecessary, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (request is SfCreateEmployeeRequest)
            {
                throw new ArgumentException($"'{request.Email}' is an employee request: use CreateEmployeeAsync.", nameof(request));
            }

            var json = await SendAsync(HttpMethod.Post, CreateQuery("Users", notify, ifNecessary), request.ToJson(), cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<SfUser>(json);
        }

        /// <summary>POST Users/AccountUser: creates an employee (takes a licence; 403 EmployeeLicensesExceeded when none is left).</summary>
        public async Task<SfUser> CreateEmployeeAsync(SfCreateEmployeeRequest request, bool notify, bool ifNecessary, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var json = await SendAsync(HttpMethod.Post, CreateQuery("Users/AccountUser", notify, ifNecessary), request.ToJson(),
                cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<SfUser>(json);
        }

        /// <summary>PATCH Users(id) with the non-null fields of <paramref name="update"/>.</summary>
        public async Task<SfUser> UpdateUserAsync(string id, SfUserUpdate update, CancellationToken cancellationToken)
        {
            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }

            if (update is SfAccountUserUpdate)
            {
                throw new ArgumentException("Employee fields go through UpdateAccountUserAsync (PATCH Users/AccountUser(id)).", nameof(update));
            }

            var json = await SendAsync(Patch, $"Users({Id(id, "user")})", update.ToJson(), cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<SfUser>(json);
        }

        /// <summary>PATCH Users/AccountUser(id): employee fields; IsEmployee=true promotes a client.</summary>
        public async Task<SfUser> UpdateAccountUserAsync(string id, SfAccountUserUpdate update, CancellationToken cancellationToken)
        {
            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }

            var json = await SendAsync(Patch, $"Users/AccountUser({Id(id, "user")})", update.ToJson(), cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<SfUser>(json);
        }

        /// <summary>PATCH Users(id) {"Security":{"IsDisabled":…}}. A disabled employee still holds a licence.</summary>
        public Task<SfUser> SetUserDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
        {
            var json = new JObject { ["Security"] = new JObject { ["IsDisabled"] = disabled } };
            return SendModelAsync<SfUser>(Patch, $"Users({Id(id, "user")})", json, cancellationToken);
        }

        /// <summary>
        /// DELETE Users(id). completely=false only disables the user (it keeps its licence); completely=true removes it, and its items
        /// and groups go to the reassign targets — without targets they are lost
        /// (docs/sharefile-api.md, 'Users').
        /// </summary>
        public Task DeleteUserAsync(string id, bool completely, string itemsReassignTo, string groupsReassignTo, CancellationToken cancellationToken)
        {
            var path = $"Users({Id(id, "user")})?completely={Bool(completely)}";
            if (!string.IsNullOrWhiteSpace(itemsReassignTo))
            {
                path += "&itemsReassignTo=" + Query(Id(itemsReassignTo, "reassign-items target user"));
            }

            if (!string.IsNullOrWhiteSpace(groupsReassignTo))
            {
                path += "&groupsReassignTo=" + Query(Id(groupsReassignTo, "reassign-groups target user"));
            }

            return SendAsync(HttpMethod.Delete, path, null, cancellationToken);
        }

        /// <summary>POST Users/Employees/Downgrade, in chunks of <see cref="BulkLimit"/>; frees the licences.</summary>
        public async Task DowngradeEmployeesAsync(
            IEnumerable<string> ids, string reassignItemsTo, string reassignGroupsTo, CancellationToken cancellationToken)
        {
            if (ids == null)
            {
                throw new ArgumentNullException(nameof(ids));
            }

            var all = ids.Select(i => Id(i, "user")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            for (var start = 0; start < all.Count; start += BulkLimit)
            {
                var body = new JObject { ["UserIds"] = new JArray(all.Skip(start).Take(BulkLimit)) };
                if (!string.IsNullOrWhiteSpace(reassignItemsTo))
                {
                    body["ReassignItemsToId"] = Id(reassignItemsTo, "reassign-items target user");
                }

                if (!string.IsNullOrWhiteSpace(reassignGroupsTo))
                {
                    body["ReassignGroupsToId"] = Id(reassignGroupsTo, "reassign-groups target user");
                }

                await SendAsync(HttpMethod.Post, "Users/Employees/Downgrade", body, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<T> SendModelAsync<T>(HttpMethod method, string relative, JToken body, CancellationToken cancellationToken)
        {
            var json = await SendAsync(method, relative, body, cancellationToken).ConfigureAwait(false);
            return ShareFileJson.ToModel<T>(json);
        }

        private static string CreateQuery(string path, bool notify, bool ifNecessary)
        {
            return $"{path}?notify={Bool(notify)}&ifNecessary={Bool(ifNecessary)}";
        }
    }
}
