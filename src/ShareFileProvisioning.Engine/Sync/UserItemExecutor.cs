using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>What one item's ShareFile calls produced.</summary>
    internal sealed class ExecutionOutcome
    {
        public string TargetId;
        public bool AdoptedOnConflict;

        /// <summary>Group items: members left out because their user has no ShareFile account (reference failures).</summary>
        public List<PlanGroupMember> Unresolved = new List<PlanGroupMember>();
    }

    /// <summary>
    /// Sends exactly what a plan item says: create (ifNecessary=false; a 409 is resolved by email and adopted), one PATCH
    /// of the changed attributes, promote, delete with the reassign target. Downgrades are batched by the session.
    /// </summary>
    internal sealed class UserItemExecutor
    {
        private readonly ShareFileClient _client;
        private readonly string _configuredReassignTo;

        /// <summary>(ShareFile id, source id) → the other source object that account is linked to, or null.</summary>
        private readonly Func<string, string, string> _linkedElsewhere;
        private readonly SemaphoreSlim _resolving = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, string> _reassignIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public UserItemExecutor(ShareFileClient client, string configuredReassignTo, Func<string, string, string> linkedElsewhere = null)
        {
            _client = client;
            _configuredReassignTo = configuredReassignTo;
            _linkedElsewhere = linkedElsewhere ?? ((target, source) => null);
        }

        public async Task<ExecutionOutcome> ExecuteAsync(PlanItem item, CancellationToken ct)
        {
            switch (item.Action)
            {
                case PlanAction.Create:
                    return await CreateAsync(item, ct).ConfigureAwait(false);
                case PlanAction.Delete:
                    await DeleteAsync(item, ct).ConfigureAwait(false);
                    return new ExecutionOutcome { TargetId = item.TargetId };
                case PlanAction.PromoteToEmployee:
                    await PatchAsync(RequireTarget(item), item.Desired, promote: true, ct).ConfigureAwait(false);
                    return new ExecutionOutcome { TargetId = item.TargetId };
                case PlanAction.Adopt:
                case PlanAction.Update:
                case PlanAction.Enable:
                case PlanAction.Disable:
                case PlanAction.DowngradeToClient:   // the type change itself went in the batch; the rest is a PATCH
                    await PatchAsync(RequireTarget(item), item.Desired, promote: false, ct).ConfigureAwait(false);
                    return new ExecutionOutcome { TargetId = item.TargetId };
                default:
                    throw new InvalidOperationException($"Plan item {item} is not an executable action.");
            }
        }

        /// <summary>The reassign target's id (an email is looked up once per cycle).</summary>
        public async Task<string> ResolveReassignAsync(string reassignTo, CancellationToken ct)
        {
            var value = string.IsNullOrWhiteSpace(reassignTo) ? _configuredReassignTo : reassignTo;
            if (string.IsNullOrWhiteSpace(value)) return null;
            value = value.Trim();
            if (!value.Contains("@")) return value;
            await _resolving.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (_reassignIds.TryGetValue(value, out var id)) return id;
                var user = await _client.FindUserByEmailAsync(value, false, ct).ConfigureAwait(false);
                if (user == null)
                    throw new SyncActionException("ReassignTargetNotFound", $"The reassign-to user '{value}' does not exist in ShareFile.");
                _reassignIds[value] = user.Id;
                return user.Id;
            }
            finally
            {
                _resolving.Release();
            }
        }

        private async Task<ExecutionOutcome> CreateAsync(PlanItem item, CancellationToken ct)
        {
            var d = item.Desired;
            var email = d.Email ?? item.TargetEmail;
            if (string.IsNullOrWhiteSpace(email)) throw new SyncActionException("MissingEmail", $"The plan has no email to create '{item.DisplayName ?? item.SourceAnchor}' with.");
            var employee = (d.UserType ?? item.UserType) == UserKind.Employee;
            SfUser created;
            try
            {
                created = employee
                    ? await _client.CreateEmployeeAsync(EmployeeRequest(email, d), false, false, ct).ConfigureAwait(false)
                    : await _client.CreateClientAsync(ClientRequest(email, d), false, false, ct).ConfigureAwait(false);
            }
            catch (ShareFileApiException e) when (e.StatusCode == 409)
            {
                // Someone (or a run whose outcome we lost) created it meanwhile: adopt it and write the plan's values.
                var existing = await _client.FindUserByEmailAsync(email, false, ct).ConfigureAwait(false);
                if (existing == null) throw;
                // Never silently move an account from one source object to another.
                var other = _linkedElsewhere(existing.Id, item.SourceId);
                if (other != null)
                    throw new SyncActionException("EntryConflict",
                        $"{email} already exists in ShareFile ({existing.Id}) and is linked to source object {other}: it is not re-linked to {item.DisplayName ?? item.SourceId}; resolve the duplicate by hand.");
                await PatchAsync(existing.Id, WithoutType(d), promote: false, ct).ConfigureAwait(false);
                return new ExecutionOutcome { TargetId = existing.Id, AdoptedOnConflict = true };
            }
            if (d.Enabled == false) await _client.SetUserDisabledAsync(created.Id, true, ct).ConfigureAwait(false);
            return new ExecutionOutcome { TargetId = created.Id };
        }

        private async Task DeleteAsync(PlanItem item, CancellationToken ct)
        {
            var target = RequireTarget(item);
            var reassign = await ResolveReassignAsync(item.ReassignTo, ct).ConfigureAwait(false);
            if (reassign == null)
                throw new SyncActionException("NoReassignTarget", $"'{item.DisplayName ?? item.TargetEmail}' is not deleted: no reassign-to user is configured (Deprovisioning.ReassignToUser).");
            await _client.DeleteUserAsync(target, true, reassign, reassign, ct).ConfigureAwait(false);
        }

        private async Task PatchAsync(string id, PlanUserValues d, bool promote, CancellationToken ct)
        {
            var employeeFields = d.StorageQuotaLimitGB != null || d.CanCreateFolders != null || d.CanUseFileBox != null || d.CanManageUsers != null;
            if (promote || employeeFields)
            {
                var update = new SfAccountUserUpdate
                {
                    IsEmployee = promote ? true : (bool?)null,
                    StorageQuotaLimitGB = d.StorageQuotaLimitGB == null ? (int?)null : (int)Math.Min(int.MaxValue, d.StorageQuotaLimitGB.Value),
                    CanCreateFolders = d.CanCreateFolders,
                    CanUseFileBox = d.CanUseFileBox,
                    CanManageUsers = d.CanManageUsers,
                };
                Common(update, d);
                await _client.UpdateAccountUserAsync(id, update, ct).ConfigureAwait(false);
                return;
            }
            var plain = new SfUserUpdate();
            if (!Common(plain, d)) return;   // nothing to write (e.g. an adoption with no differences)
            await _client.UpdateUserAsync(id, plain, ct).ConfigureAwait(false);
        }

        private static bool Common(SfUserUpdate u, PlanUserValues d)
        {
            u.Email = d.Email;
            u.FirstName = d.FirstName;
            u.LastName = d.LastName;
            u.Company = d.Company;
            u.DefaultZoneId = d.DefaultZone;
            u.IsDisabled = d.Enabled.HasValue ? !d.Enabled.Value : (bool?)null;
            return u.Email != null || u.FirstName != null || u.LastName != null || u.Company != null || u.DefaultZoneId != null || u.IsDisabled != null;
        }

        private static PlanUserValues WithoutType(PlanUserValues d) => new PlanUserValues
        {
            FirstName = d.FirstName, LastName = d.LastName, Company = d.Company, DefaultZone = d.DefaultZone,
            Enabled = d.Enabled == false ? false : (bool?)null,
        };

        private static SfCreateClientRequest ClientRequest(string email, PlanUserValues d) => new SfCreateClientRequest
        {
            Email = email, FirstName = d.FirstName, LastName = d.LastName, Company = d.Company, DefaultZoneId = d.DefaultZone,
        };

        private static SfCreateEmployeeRequest EmployeeRequest(string email, PlanUserValues d) => new SfCreateEmployeeRequest
        {
            Email = email, FirstName = d.FirstName, LastName = d.LastName, Company = d.Company, DefaultZoneId = d.DefaultZone,
            CanCreateFolders = d.CanCreateFolders, CanUseFileBox = d.CanUseFileBox, CanManageUsers = d.CanManageUsers,
            StorageQuotaLimitGB = d.StorageQuotaLimitGB == null ? (int?)null : (int)Math.Min(int.MaxValue, d.StorageQuotaLimitGB.Value),
        };

        private static string RequireTarget(PlanItem item) =>
            string.IsNullOrWhiteSpace(item.TargetId)
                ? throw new SyncActionException("MissingTargetId", $"The plan item for '{item.DisplayName ?? item.SourceAnchor}' has no ShareFile id.")
                : item.TargetId;
    }

    /// <summary>An action refused before ShareFile was called (bad plan input or configuration); the message names the object.</summary>
    public sealed class SyncActionException : Exception
    {
        public SyncActionException(string code, string message)
            : base(message)
        {
            Code = code;
        }

        public string Code { get; }
    }
}
