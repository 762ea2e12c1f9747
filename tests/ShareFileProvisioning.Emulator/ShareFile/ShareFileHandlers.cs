using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using static ShareFileProvisioning.Emulator.ShareFile.ShareFileRouter;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>
/// The /sf/v3 routes (docs/sharefile-api.md: 'Users', 'Groups', 'Accounts') and what each does. Rendering happens
/// under the same lock as the change.
/// </summary>
internal static class ShareFileHandlers
{
    public static IEnumerable<Route> Routes()
    {
        // ---- Users ----
        yield return Define("GET", "Users", r => r.State.Read(() =>
        {
            var s = r.State;
            var caller = s.CallerLocked(r.CallerId);
            // An empty value means the parameter was not given (the .NET SDK sends Users?id=&emailAddress= for the caller).
            if (r.Query("emailaddress") is { } given)
            {
                var email = given.Trim();
                var u = s.UserByEmailLocked(email) ?? throw ShareFileApiException.NotFound($"No user has email '{email}'."); // a miss is 404
                ShareFileState.RequireRead(caller, u);
                return Ok(r.Writer.User(u));
            }
            if (r.Query("id") is { } id)
            {
                var u = s.RequireUserLocked(id);
                ShareFileState.RequireRead(caller, u);
                return Ok(r.Writer.User(u));
            }
            return Ok(r.Writer.User(caller));
        }));
        yield return Define("POST", "Users", r => CreateUser(r, employee: false));
        yield return Define("POST", "Users/AccountUser", r => CreateUser(r, employee: true));
        yield return Define("GET", "Users(id)", r => r.State.Read(() =>
        {
            var (caller, u) = ReadableUser(r);
            return Ok(r.Writer.User(u));
        }));
        yield return Define("PATCH", "Users(id)", r => UpdateUser(r, accountUserRoute: false));
        yield return Define("PATCH", "Users/AccountUser(id)", r => UpdateUser(r, accountUserRoute: true));
        yield return Define("DELETE", "Users(id)", r => r.State.Write(() =>
        {
            var caller = r.State.CallerLocked(r.CallerId);
            r.State.DeleteUserLocked(caller, r.Id, r.QueryBool("completely"), r.Query("itemsReassignTo"), r.Query("groupsReassignTo"));
            return SfResponse.NoContent;
        }));
        yield return Define("GET", "Users(id)/Security", r => r.State.Read(() => Ok(r.Writer.Security(ReadableUser(r).User))));
        yield return Define("GET", "Users(id)/Preferences", r => r.State.Read(() => Ok(r.Writer.Preferences(ReadableUser(r).User))));
        yield return Define("PATCH", "Users(id)/Preferences", r =>
        {
            var body = JsonBody.Object(r.RequireBody("Updating preferences"), "Updating preferences");
            return r.State.Write(() => Ok(r.Writer.Preferences(r.State.UpdatePreferencesLocked(r.State.CallerLocked(r.CallerId), r.Id, body))));
        });
        yield return Define("PATCH", "Users(id)/Roles", r => ChangeRoles(r, ShareFileState.RoleChange.Add));
        yield return Define("PUT", "Users(id)/Roles", r => ChangeRoles(r, ShareFileState.RoleChange.Set));
        yield return Define("POST", "Users(id)/RemoveRoles", r =>
        {
            var roles = JsonBody.Strings(JsonBody.Array(r.RequireBody("Removing roles"), "Removing roles"), "roles");
            return r.State.Write(() =>
            {
                r.State.ChangeRolesLocked(r.State.CallerLocked(r.CallerId), r.Id, roles, ShareFileState.RoleChange.Remove);
                return SfResponse.NoContent;
            });
        });
        yield return Define("GET", "Users(id)/Groups", r => r.State.Read(() =>
        {
            var caller = r.State.CallerLocked(r.CallerId);
            // Only the authenticated user's own groups can be listed.
            if (!string.Equals(caller.Id, r.Id, System.StringComparison.OrdinalIgnoreCase))
                throw ShareFileApiException.NotAuthorized("Only the signed-in user's own groups can be listed.");
            var groups = r.State.GroupsOfMemberLocked(caller.Id);
            return Ok(r.Writer.Feed("Groups", groups, g => r.Writer.Group(g, r.State.UserLocked)));
        }));
        yield return Define("POST", "Users/Employees/Downgrade", r =>
        {
            var body = JsonBody.Object(r.RequireBody("Downgrading employees"), "Downgrading employees");
            return r.State.Write(() =>
            {
                r.State.DowngradeLocked(r.State.CallerLocked(r.CallerId), body);
                return SfResponse.NoContent;
            });
        });
        yield return Define("DELETE", "Users/Clients", r =>
        {
            var ids = JsonBody.Strings(JsonBody.Array(r.RequireBody("Deleting clients"), "Deleting clients"), "client ids");
            return BulkDelete(r, ids);
        });
        yield return Define("POST", "Users/Clients/BulkDelete", r =>
        {
            var body = JsonBody.Object(r.RequireBody("Deleting clients"), "Deleting clients");
            var ids = JsonBody.Get(body, "UserIds") is { } t ? JsonBody.Strings(t, "UserIds") : null;
            return BulkDelete(r, ids);
        });

        // ---- Groups ----
        yield return Define("GET", "Groups", r => r.State.Read(() =>
        {
            var groups = r.State.VisibleGroupsLocked(r.State.CallerLocked(r.CallerId));
            return Ok(r.Writer.Feed("Groups", groups, g => r.Writer.Group(g, r.State.UserLocked)));
        }));
        yield return Define("POST", "Groups", r =>
        {
            var body = JsonBody.Object(r.RequireBody("Creating a group"), "Creating a group");
            return r.State.Write(() => Ok(r.Writer.Group(r.State.CreateGroupLocked(r.State.CallerLocked(r.CallerId), body), r.State.UserLocked)));
        });
        yield return Define("GET", "Groups(id)", r => r.State.Read(() =>
            Ok(r.Writer.Group(r.State.VisibleGroupLocked(r.State.CallerLocked(r.CallerId), r.Id), r.State.UserLocked))));
        yield return Define("PATCH", "Groups(id)", r =>
        {
            var body = JsonBody.Object(r.RequireBody("Updating a group"), "Updating a group");
            return r.State.Write(() => Ok(r.Writer.Group(r.State.UpdateGroupLocked(r.State.CallerLocked(r.CallerId), r.Id, body), r.State.UserLocked)));
        });
        yield return Define("DELETE", "Groups(id)", r => r.State.Write(() =>
        {
            r.State.DeleteGroupLocked(r.State.CallerLocked(r.CallerId), r.Id);
            return SfResponse.NoContent;
        }));
        yield return Define("GET", "Groups(id)/Contacts", r => r.State.Read(() =>
            MembersFeed(r, r.State.VisibleGroupLocked(r.State.CallerLocked(r.CallerId), r.Id))));
        yield return Define("POST", "Groups(id)/Contacts", r =>
        {
            var contacts = JsonBody.Array(r.RequireBody("Adding group members"), "Adding group members");
            return r.State.Write(() => MembersFeed(r, r.State.AddMembersLocked(r.State.CallerLocked(r.CallerId), r.Id, contacts)));
        });
        yield return Define("DELETE", "Groups(id)/Contacts", r =>
        {
            var contacts = JsonBody.Array(r.RequireBody("Removing group members"), "Removing group members");
            return r.State.Write(() => MembersFeed(r, r.State.RemoveMembersLocked(r.State.CallerLocked(r.CallerId), r.Id, contacts)));
        });

        // ---- Accounts ----
        yield return Define("GET", "Accounts", r => r.State.Read(() =>
        {
            r.State.CallerLocked(r.CallerId);
            return Ok(r.Writer.Account(r.State));
        }));
        yield return Define("GET", "Accounts(id)", r => r.State.Read(() =>
        {
            r.State.CallerLocked(r.CallerId);
            if (!string.Equals(r.Id, r.State.AccountId, System.StringComparison.OrdinalIgnoreCase))
                throw ShareFileApiException.NotFound($"Account '{r.Id}' was not found."); // an unknown id in a path is 404
            return Ok(r.Writer.Account(r.State));
        }));
        yield return Define("GET", "Accounts/Preferences", r => r.State.Read(() =>
        {
            r.State.CallerLocked(r.CallerId);
            return Ok(r.Writer.AccountPreferences(r.State));
        }));
        yield return Define("GET", "Accounts/Employees", r => r.State.Read(() =>
        {
            ShareFileState.Require(r.State.CallerLocked(r.CallerId), SfRoles.AdminManageEmployees, "Listing employees");
            var users = r.State.OrderedUsersLocked().Where(u => u.IsEmployee).ToList();
            return Ok(r.Writer.Feed("Contacts", users, r.Writer.Contact));
        }));
        yield return Define("GET", "Accounts/Clients", r => r.State.Read(() =>
        {
            var caller = r.State.CallerLocked(r.CallerId);
            if (!caller.HasRole(SfRoles.CanManageUsers) && !caller.HasRole(SfRoles.AdminManageEmployees))
                throw ShareFileApiException.NotAuthorized($"Listing clients requires the {SfRoles.CanManageUsers} role.");
            var users = r.State.OrderedUsersLocked().Where(u => !u.IsEmployee).ToList();
            return Ok(r.Writer.Feed("Contacts", users, r.Writer.Contact));
        }));
    }

    private static SfResponse Ok(JToken body) => new(body);

    private static (SfUser Caller, SfUser User) ReadableUser(SfRequest r)
    {
        var caller = r.State.CallerLocked(r.CallerId);
        var u = r.State.RequireUserLocked(r.Id);
        ShareFileState.RequireRead(caller, u);
        return (caller, u);
    }

    private static SfResponse CreateUser(SfRequest r, bool employee)
    {
        var what = employee ? "Creating an employee" : "Creating a client";
        var body = JsonBody.Object(r.RequireBody(what), what);
        var ifNecessary = r.QueryBool("ifNecessary");
        // The other create parameters (pushCreatorDefaultSettings, notify, addshared, addPersonal) are accepted and have no effect here.
        r.QueryBool("pushCreatorDefaultSettings"); r.QueryBool("notify"); r.QueryBool("addshared"); r.QueryBool("addPersonal");
        return r.State.Write(() => Ok(r.Writer.User(r.State.CreateUserLocked(r.State.CallerLocked(r.CallerId), body, employee, ifNecessary))));
    }

    private static SfResponse UpdateUser(SfRequest r, bool accountUserRoute)
    {
        var body = JsonBody.Object(r.RequireBody("Updating a user"), "Updating a user");
        return r.State.Write(() => Ok(r.Writer.User(r.State.UpdateUserLocked(r.State.CallerLocked(r.CallerId), r.Id, body, accountUserRoute))));
    }

    private static SfResponse ChangeRoles(SfRequest r, ShareFileState.RoleChange change)
    {
        var body = JsonBody.Object(r.RequireBody("Changing roles"), "Changing roles");
        var roles = JsonBody.Get(body, "Roles") is { } t ? JsonBody.Strings(t, "Roles") : throw ShareFileApiException.BadRequest("Changing roles: Roles is required.");
        return r.State.Write(() => Ok(r.Writer.User(r.State.ChangeRolesLocked(r.State.CallerLocked(r.CallerId), r.Id, roles, change))));
    }

    private static SfResponse BulkDelete(SfRequest r, List<string> ids) => r.State.Write(() =>
    {
        r.State.BulkDeleteClientsLocked(r.State.CallerLocked(r.CallerId), ids);
        return SfResponse.NoContent;
    });

    private static SfResponse MembersFeed(SfRequest r, SfGroup g) =>
        Ok(r.Writer.Feed("Contacts", g.Members.Select(r.State.UserLocked).Where(u => u != null).ToList(), r.Writer.Contact));
}
