using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>User operations (docs/sharefile-api.md, 'Users'). Every method expects the lock held.</summary>
public sealed partial class ShareFileState
{
    internal SfUser CallerLocked(string userId) =>
        UserLocked(userId) ?? throw new ShareFileApiException(401, "NotAuthenticated", "Unauthorized");

    internal SfUser RequireUserLocked(string id) =>
        UserLocked(id) ?? throw ShareFileApiException.NotFound($"User '{id}' was not found.");

    internal static void Require(SfUser caller, string role, string action)
    {
        if (!caller.HasRole(role)) throw ShareFileApiException.NotAuthorized($"{action} requires the {role} role.");
    }

    /// <summary>Who may read a user: self, AdminManageEmployees, or CanManageUsers for a client.</summary>
    internal static void RequireRead(SfUser caller, SfUser target)
    {
        if (caller.Id == target.Id || caller.HasRole(SfRoles.AdminManageEmployees)
            || (!target.IsEmployee && (caller.HasRole(SfRoles.CanManageUsers)))) return;
        throw ShareFileApiException.NotAuthorized($"Reading user '{target.Id}' is not permitted for this login.");
    }

    /// <summary>Employees are managed with AdminManageEmployees, clients with CanManageUsers.</summary>
    internal static void RequireManage(SfUser caller, SfUser target, string action)
    {
        var role = target.IsEmployee ? SfRoles.AdminManageEmployees : SfRoles.CanManageUsers;
        Require(caller, role, $"{action} of {(target.IsEmployee ? "employee" : "client")} '{target.Id}'");
    }

    internal SfUser CreateUserLocked(SfUser caller, JObject body, bool employee, bool ifNecessary)
    {
        var what = employee ? "Creating an employee" : "Creating a client";
        Require(caller, employee ? SfRoles.AdminManageEmployees : SfRoles.CanManageUsers, what);

        var email = ValidEmail(JsonBody.String(body, "Email"), what);
        var first = JsonBody.String(body, "FirstName");
        var last = JsonBody.String(body, "LastName");
        if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(last))
            throw ShareFileApiException.BadRequest($"{what}: FirstName and LastName are required.");
        var company = JsonBody.String(body, "Company");
        var password = JsonBody.String(body, "Password");
        var zone = JsonBody.String(JsonBody.Child(body, "DefaultZone"), "Id");
        var prefs = JsonBody.Child(body, "Preferences");
        var canReset = JsonBody.Bool(prefs, "CanResetPassword");
        var canView = JsonBody.Bool(prefs, "CanViewMySettings");
        bool? createFolders = null, fileBox = null, manageUsers = null, isAdmin = null;
        int? quota = null;
        if (employee)
        {
            createFolders = JsonBody.Bool(body, "CanCreateFolders");
            fileBox = JsonBody.Bool(body, "CanUseFileBox");
            manageUsers = JsonBody.Bool(body, "CanManageUsers");
            isAdmin = JsonBody.Bool(body, "IsAdministrator");
            quota = JsonBody.Int(body, "StorageQuotaLimitGB");
            JsonBody.Bool(body, "IsEmployee"); // accepted; this route always creates an employee
        }

        // The address is already taken: 409, or the existing user with ifNecessary=true.
        var existing = UserByEmailLocked(email);
        if (existing != null)
        {
            if (ifNecessary) return existing;
            throw ShareFileApiException.Conflict($"A user with email '{email}' already exists.");
        }
        if (!employee) RequireNotStrictEmployeeDomain(email);
        if (employee) RequireFreeLicence();

        var user = new SfUser
        {
            Id = NewUserId(), Email = email, Password = password, FirstName = first, LastName = last, Company = company,
            IsEmployee = employee, DateCreated = DateTime.UtcNow, DefaultZoneId = zone,
            Roles = (employee ? SfRoles.DefaultEmployee() : SfRoles.DefaultClient()).ToList(),
            CanResetPassword = canReset ?? true, CanViewMySettings = canView ?? true,
        };
        if (employee)
        {
            user.SetRole(SfRoles.CanCreateFolders, createFolders ?? false);
            user.SetRole(SfRoles.CanUseFileBox, fileBox ?? true);
            user.SetRole(SfRoles.CanManageUsers, manageUsers ?? false);
            user.IsAdministrator = isAdmin ?? false;
            user.StorageQuotaLimitGB = quota is null or -1 ? null : quota;
        }
        AddUserLocked(user);
        return user;
    }

    internal SfUser UpdateUserLocked(SfUser caller, string id, JObject body, bool accountUserRoute)
    {
        var target = RequireUserLocked(id);
        if (accountUserRoute) Require(caller, SfRoles.AdminManageEmployees, $"Updating employee '{id}'");
        else if (caller.Id != target.Id) RequireManage(caller, target, "Updating");

        // Validate everything first so a rejected PATCH changes nothing.
        var first = JsonBody.String(body, "FirstName");
        var last = JsonBody.String(body, "LastName");
        var company = JsonBody.String(body, "Company");
        var emailRaw = JsonBody.String(body, "Email");
        var disabled = JsonBody.Bool(JsonBody.Child(body, "Security"), "IsDisabled");
        var zone = JsonBody.String(JsonBody.Child(body, "DefaultZone"), "Id");
        if (first != null && string.IsNullOrWhiteSpace(first) || last != null && string.IsNullOrWhiteSpace(last))
            throw ShareFileApiException.BadRequest($"User '{id}': FirstName and LastName must not be empty.");
        string email = null;
        if (emailRaw != null)
        {
            email = ValidEmail(emailRaw, $"User '{id}'");
            var holder = UserByEmailLocked(email);
            if (holder != null && holder.Id != target.Id) // another user's email: 409
                throw ShareFileApiException.Conflict($"Email '{email}' already belongs to another user.");
        }
        if (disabled != null && caller.Id != target.Id) RequireManage(caller, target, "Disabling or enabling");

        bool? isEmployee = null, createFolders = null, fileBox = null, manageUsers = null, isAdmin = null;
        int? quota = null, bandwidth = null;
        if (accountUserRoute)
        {
            isEmployee = JsonBody.Bool(body, "IsEmployee");
            createFolders = JsonBody.Bool(body, "CanCreateFolders");
            fileBox = JsonBody.Bool(body, "CanUseFileBox");
            manageUsers = JsonBody.Bool(body, "CanManageUsers");
            isAdmin = JsonBody.Bool(body, "IsAdministrator");
            quota = JsonBody.Int(body, "StorageQuotaLimitGB");
            bandwidth = JsonBody.Int(body, "Bandwidth");
            if (isEmployee == false && target.IsEmployee)
                throw ShareFileApiException.BadRequest($"User '{id}': downgrade an employee with POST Users/Employees/Downgrade.");
            var willBeEmployee = target.IsEmployee || isEmployee == true;
            if (!willBeEmployee && (createFolders == true || fileBox == true || manageUsers == true || isAdmin == true))
                throw ShareFileApiException.BadRequest($"User '{id}' is a client; employee permissions need IsEmployee true.");
            if (isEmployee == true && !target.IsEmployee) RequireFreeLicence(); // a promotion takes a licence too
        }

        if (first != null) target.FirstName = first;
        if (last != null) target.LastName = last;
        if (company != null) target.Company = company;
        if (email != null && !string.Equals(email, target.Email, StringComparison.Ordinal))
        {
            _usersByEmail.Remove(target.Email);
            target.Email = email;
            _usersByEmail[email] = target;
        }
        if (disabled != null) target.IsDisabled = disabled.Value;
        if (zone != null) target.DefaultZoneId = zone;
        if (isEmployee == true && !target.IsEmployee)
        {
            target.IsEmployee = true;
            _employeeCount++;
            target.RemoveRole(SfRoles.Client);
            target.Roles.Insert(0, SfRoles.Employee);
            target.AddRole(SfRoles.CanUseFileBox);
        }
        if (createFolders != null) target.SetRole(SfRoles.CanCreateFolders, createFolders.Value);
        if (fileBox != null) target.SetRole(SfRoles.CanUseFileBox, fileBox.Value);
        if (manageUsers != null) target.SetRole(SfRoles.CanManageUsers, manageUsers.Value);
        if (isAdmin != null) target.IsAdministrator = isAdmin.Value;
        if (quota != null) target.StorageQuotaLimitGB = quota == -1 ? null : quota;
        if (bandwidth != null) target.Bandwidth = bandwidth == -1 ? null : bandwidth;
        return target;
    }

    internal SfUser UpdatePreferencesLocked(SfUser caller, string id, JObject body)
    {
        var target = RequireUserLocked(id);
        if (caller.Id != target.Id) RequireManage(caller, target, "Updating preferences");
        var canReset = JsonBody.Bool(body, "CanResetPassword");
        var canView = JsonBody.Bool(body, "CanViewMySettings");
        var shared = JsonBody.Bool(body, "IsSharedUserAccount");
        var timeZone = JsonBody.String(body, "TimeZone");
        var locale = JsonBody.String(body, "UserNotificationLocale");
        if (canReset != null) target.CanResetPassword = canReset.Value;
        if (canView != null) target.CanViewMySettings = canView.Value;
        if (shared != null) target.IsSharedUserAccount = shared.Value;
        if (timeZone != null) target.TimeZone = timeZone;
        if (locale != null) target.UserNotificationLocale = locale;
        return target;
    }

    /// <summary>PATCH adds roles, PUT sets them (type role kept), RemoveRoles takes them away.</summary>
    internal SfUser ChangeRolesLocked(SfUser caller, string id, IReadOnlyList<string> roles, RoleChange change)
    {
        var target = RequireUserLocked(id);
        RequireManage(caller, target, "Changing roles");
        var canonical = new List<string>();
        foreach (var r in roles)
        {
            if (!SfRoles.Known.TryGetValue(r, out var c)) throw ShareFileApiException.BadRequest($"Unknown role '{r}'.");
            // The type role follows the user type; it is changed by promote/downgrade, not here.
            if (c is SfRoles.Employee or SfRoles.Client) continue;
            if (change != RoleChange.Remove && !target.IsEmployee && SfRoles.EmployeeOnly.Contains(c))
                throw ShareFileApiException.BadRequest($"Role '{c}' is for employees only; user '{id}' is a client.");
            canonical.Add(c);
        }
        switch (change)
        {
            case RoleChange.Add:
                foreach (var c in canonical) target.AddRole(c);
                break;
            case RoleChange.Set:
                target.Roles = new List<string> { target.IsEmployee ? SfRoles.Employee : SfRoles.Client };
                foreach (var c in canonical) target.AddRole(c);
                break;
            case RoleChange.Remove:
                foreach (var c in canonical) target.RemoveRole(c);
                break;
        }
        return target;
    }

    internal enum RoleChange { Add, Set, Remove }

    /// <summary>Soft delete = disable; hard delete with reassignment; an unknown reassign target is 400, nothing changed.</summary>
    internal void DeleteUserLocked(SfUser caller, string id, bool completely, string itemsTo, string groupsTo)
    {
        var target = RequireUserLocked(id);
        RequireManage(caller, target, "Deleting");
        if (!completely)
        {
            target.IsDisabled = true;
            return;
        }
        var itemsTarget = ReassignTarget(itemsTo, "itemsReassignTo", target.Id);
        var groupsTarget = ReassignTarget(groupsTo, "groupsReassignTo", target.Id);
        RemoveCompletelyLocked(target, itemsTarget, groupsTarget);
    }

    internal void DowngradeLocked(SfUser caller, JObject body)
    {
        Require(caller, SfRoles.AdminManageEmployees, "Downgrading employees");
        var ids = JsonBody.Get(body, "UserIds") is { } t ? JsonBody.Strings(t, "UserIds") : null;
        CheckBulkSize(ids, "UserIds");
        var users = ids.Select(RequireUserLocked).ToList();
        var notEmployee = users.FirstOrDefault(u => !u.IsEmployee);
        if (notEmployee != null) throw ShareFileApiException.BadRequest($"User '{notEmployee.Id}' is not an employee.");
        var idSet = new HashSet<string>(users.Select(u => u.Id), StringComparer.OrdinalIgnoreCase);
        var itemsTarget = ReassignTarget(JsonBody.String(body, "ReassignItemsToId"), "ReassignItemsToId", null);
        var groupsTarget = ReassignTarget(JsonBody.String(body, "ReassignGroupsToId"), "ReassignGroupsToId", null);
        if (itemsTarget != null && idSet.Contains(itemsTarget.Id) || groupsTarget != null && idSet.Contains(groupsTarget.Id))
            throw ShareFileApiException.BadRequest("A reassignment target cannot be one of the users being downgraded.");

        foreach (var u in users.Distinct())
        {
            u.IsEmployee = false;
            _employeeCount--;
            u.IsAdministrator = false;
            u.Roles = u.Roles.Where(r => !SfRoles.EmployeeOnly.Contains(r)).ToList();
            u.Roles.Insert(0, SfRoles.Client);
            u.StorageQuotaLimitGB = null;
            u.Bandwidth = null;
            if (itemsTarget != null) { itemsTarget.Items += u.Items; u.Items = 0; }
            if (groupsTarget != null) MoveOwnedGroups(u, groupsTarget);
        }
    }

    internal void BulkDeleteClientsLocked(SfUser caller, List<string> ids)
    {
        Require(caller, SfRoles.CanManageUsers, "Deleting clients");
        CheckBulkSize(ids, "client ids");
        var users = ids.Select(RequireUserLocked).ToList();
        var employee = users.FirstOrDefault(u => u.IsEmployee);
        if (employee != null) throw ShareFileApiException.BadRequest($"User '{employee.Id}' is an employee, not a client.");
        foreach (var u in users.Distinct()) RemoveCompletelyLocked(u, null, null);
    }

    /// <summary>Hard delete: memberships dropped; owned items and groups move to the targets, or are lost.</summary>
    private void RemoveCompletelyLocked(SfUser user, SfUser itemsTarget, SfUser groupsTarget)
    {
        if (itemsTarget != null) itemsTarget.Items += user.Items;
        else _lostItems += user.Items;
        if (groupsTarget != null) MoveOwnedGroups(user, groupsTarget);
        else if (_groupsByOwner.TryGetValue(user.Id, out var owned))
            foreach (var gid in owned.ToList()) RemoveGroupLocked(_groupsById[gid]);
        _groupsByOwner.Remove(user.Id);
        RemoveUserLocked(user);
        foreach (var token in _accessTokens.Where(p => p.Value.UserId == user.Id).Select(p => p.Key).ToList()) _accessTokens.TryRemove(token, out _);
    }

    private void MoveOwnedGroups(SfUser from, SfUser to)
    {
        if (!_groupsByOwner.TryGetValue(from.Id, out var owned)) return;
        foreach (var gid in owned.ToList()) SetOwnerLocked(_groupsById[gid], to.Id);
    }

    private SfUser ReassignTarget(string id, string parameter, string deletedId)
    {
        if (string.IsNullOrEmpty(id)) return null;
        var target = UserLocked(id);
        if (target == null || string.Equals(target.Id, deletedId, StringComparison.OrdinalIgnoreCase)) // not a valid reassign target
            throw ShareFileApiException.BadRequest($"{parameter} '{id}' is not another user of this account.");
        return target;
    }

    private static void CheckBulkSize(List<string> ids, string what)
    {
        if (ids == null || ids.Count == 0) throw ShareFileApiException.BadRequest($"{what}: at least one user id is required.");
        if (ids.Count > MaxBulkUsers) throw ShareFileApiException.BadRequest($"{what}: at most {MaxBulkUsers} users per call, got {ids.Count}.");
    }

    /// <summary>Strict employee definition: a client in one of the company's email domains is refused.</summary>
    private void RequireNotStrictEmployeeDomain(string email)
    {
        var prefs = _account.Preferences;
        if (!prefs.UseStrictEmployeeDefinition || string.IsNullOrWhiteSpace(prefs.EmployeeEmailDomains)) return;
        var domain = email.Substring(email.LastIndexOf('@') + 1);
        var domains = prefs.EmployeeEmailDomains.Split(new[] { ',', ';', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (domains.Any(d => string.Equals(d.Trim(), domain, StringComparison.OrdinalIgnoreCase)))
            throw ShareFileApiException.BadRequest($"'{email}' is in an employee email domain and must be created as an employee.", "ClientMustBeCreatedAsEmployee");
    }

    /// <summary>The licence cap: disabled employees hold licences too.</summary>
    private void RequireFreeLicence()
    {
        if (_account.UserMax is int max && _employeeCount >= max)
            throw new ShareFileApiException(403, "EmployeeLicensesExceeded", $"All {max} employee licences are in use.");
    }

    private static string ValidEmail(string email, string what)
    {
        email = email?.Trim();
        var at = email?.IndexOf('@') ?? -1;
        if (string.IsNullOrEmpty(email) || at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
            throw ShareFileApiException.BadRequest($"{what}: a valid Email is required.");
        return email;
    }
}
