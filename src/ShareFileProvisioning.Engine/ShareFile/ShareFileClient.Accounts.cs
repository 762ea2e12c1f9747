using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Accounts endpoints (docs/sharefile-api.md, 'Accounts').</summary>
    public sealed partial class ShareFileClient
    {
        /// <summary>GET Accounts: the account of the signed-in subdomain (UserMax, UserUsage).</summary>
        public Task<SfAccount> GetAccountAsync(CancellationToken cancellationToken)
        {
            return GetModelAsync<SfAccount>("Accounts", cancellationToken);
        }

        /// <summary>GET Accounts/Preferences: strict employee definition and employee email domains.</summary>
        public async Task<SfAccountPreferences> GetAccountPreferencesAsync(CancellationToken cancellationToken)
        {
            var json = await SendAsync(System.Net.Http.HttpMethod.Get, "Accounts/Preferences", null, cancellationToken).ConfigureAwait(false) as JObject;
            return new SfAccountPreferences(
                ShareFileJson.Bool(json, "UseStrictEmployeeDefinition"),
                ShareFileJson.String(json, "EmployeeEmailDomains"));
        }

        /// <summary>GET Accounts/Employees, all pages (disabled employees included). pageSize sets $top per page; null = server default.</summary>
        public async Task<IReadOnlyList<SfContact>> ListEmployeesAsync(int? pageSize, CancellationToken cancellationToken, Action onEach = null)
        {
            return await ListFeedAsync("Accounts/Employees", pageSize, ShareFileJson.ToModel<SfContact>, cancellationToken, onEach).ConfigureAwait(false);
        }

        /// <summary>GET Accounts/Clients, all pages.</summary>
        public async Task<IReadOnlyList<SfContact>> ListClientsAsync(int? pageSize, CancellationToken cancellationToken, Action onEach = null)
        {
            return await ListFeedAsync("Accounts/Clients", pageSize, ShareFileJson.ToModel<SfContact>, cancellationToken, onEach).ConfigureAwait(false);
        }
    }
}
