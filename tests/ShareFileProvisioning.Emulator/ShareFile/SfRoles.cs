using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Emulator.ShareFile;

/// <summary>ShareFile's UserRole names and the default role sets the emulator gives new users.</summary>
public static class SfRoles
{
    public const string Client = "Client";
    public const string Employee = "Employee";
    public const string AdminManageEmployees = "AdminManageEmployees";
    public const string CanManageUsers = "CanManageUsers";
    public const string AdminSharedDistGroups = "AdminSharedDistGroups";
    public const string AdminCreateSharedGroups = "AdminCreateSharedGroups";
    public const string SuperUser = "SuperUser";
    public const string MasterAdmin = "MasterAdmin";
    public const string CanCreateFolders = "CanCreateFolders";
    public const string CanUseFileBox = "CanUseFileBox";
    public const string CanChangePassword = "CanChangePassword";
    public const string CanManageMySettings = "CanManageMySettings";

    /// <summary>Every role the emulator accepts, with its canonical spelling.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = Canonical(
        Client, Employee, MasterAdmin, SuperUser, AdminManageEmployees, CanManageUsers, AdminSharedDistGroups,
        AdminCreateSharedGroups, "AdminSuperGroup", CanChangePassword, CanManageMySettings, CanCreateFolders, CanUseFileBox,
        "AdminAccountPolicies", "AdminBilling", "AdminBranding", "AdminChangePlan", "AdminFileBoxAccess",
        "AdminManageFolderTemplates", "AdminReporting", "AdminViewReceipts", "AdminDelegate", "AdminManageDrives",
        "AdminConnectors", "AdminRemoteUploadForms", "AdminCreateFolderPermissions", "CanSelectFolderZone",
        "CanUseDropBox", "CanViewReporting");

    /// <summary>Roles only an employee can hold; a downgrade strips them.</summary>
    public static readonly ISet<string> EmployeeOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Employee, MasterAdmin, SuperUser, AdminManageEmployees, CanManageUsers, AdminSharedDistGroups, AdminCreateSharedGroups,
        "AdminSuperGroup", CanCreateFolders, CanUseFileBox, "AdminAccountPolicies", "AdminBilling", "AdminBranding",
        "AdminChangePlan", "AdminFileBoxAccess", "AdminManageFolderTemplates", "AdminReporting", "AdminViewReceipts",
        "AdminDelegate", "AdminManageDrives", "AdminConnectors", "AdminRemoteUploadForms", "AdminCreateFolderPermissions",
        "CanSelectFolderZone", "CanUseDropBox", "CanViewReporting",
    };

    public static string[] DefaultClient() => [Client, CanChangePassword, CanManageMySettings];

    public static string[] DefaultEmployee() => [Employee, CanChangePassword, CanManageMySettings, CanUseFileBox];

    /// <summary>The emulator's administrator: every role the connection test asks for, and SuperUser (docs/sharefile-api.md, 'The connection test').</summary>
    public static string[] DefaultAdmin() =>
    [
        Employee, CanChangePassword, CanManageMySettings, CanUseFileBox, CanCreateFolders, CanManageUsers,
        AdminManageEmployees, AdminSharedDistGroups, AdminCreateSharedGroups, SuperUser,
    ];

    private static IReadOnlyDictionary<string, string> Canonical(params string[] names)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names) map[n] = n;
        return map;
    }
}
