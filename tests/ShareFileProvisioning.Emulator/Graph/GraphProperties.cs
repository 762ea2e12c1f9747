using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Emulator.Graph;

/// <summary>Which properties Graph v1.0 knows on user and group, and which it returns without $select.</summary>
internal static class GraphProperties
{
    /// <summary>Returned by GET /users[/{id}] when there is no $select.</summary>
    public static readonly string[] DefaultUser =
    {
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "id",
    };

    private static readonly string[] KnownUser =
    {
        "aboutMe", "accountEnabled", "ageGroup", "assignedLicenses", "assignedPlans", "birthday", "businessPhones", "city",
        "companyName", "consentProvidedForMinor", "country", "createdDateTime", "creationType", "deletedDateTime", "department",
        "displayName", "employeeHireDate", "employeeId", "employeeLeaveDateTime", "employeeOrgData", "employeeType",
        "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "givenName", "hireDate", "id", "identities",
        "imAddresses", "interests", "isResourceAccount", "jobTitle", "lastPasswordChangeDateTime", "legalAgeGroupClassification",
        "mail", "mailNickname", "mobilePhone", "mySite", "officeLocation", "onPremisesDistinguishedName", "onPremisesDomainName",
        "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime", "onPremisesSamAccountName",
        "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies",
        "pastProjects", "postalCode", "preferredDataLocation", "preferredLanguage", "preferredName", "proxyAddresses",
        "responsibilities", "schools", "securityIdentifier", "showInAddressList", "skills", "state", "streetAddress", "surname",
        "usageLocation", "userPrincipalName", "userType", "manager",
    };

    private static readonly string[] KnownGroup =
    {
        "id", "displayName", "description", "mailNickname", "mailEnabled", "securityEnabled", "groupTypes", "mail",
        "createdDateTime", "deletedDateTime", "visibility", "classification", "isAssignableToRole", "membershipRule",
        "membershipRuleProcessingState", "onPremisesSyncEnabled", "onPremisesSamAccountName", "proxyAddresses",
        "securityIdentifier", "renewedDateTime", "members",
    };

    /// <summary>Returned by GET /groups[/{id}] when there is no $select.</summary>
    public static readonly string[] DefaultGroup =
    {
        "id", "createdDateTime", "description", "displayName", "groupTypes", "mail", "mailEnabled", "mailNickname",
        "proxyAddresses", "securityEnabled", "visibility",
    };

    private static readonly Dictionary<string, string> UserByLower = KnownUser.ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> GroupByLower = KnownGroup.ToDictionary(p => p, StringComparer.OrdinalIgnoreCase);

    /// <summary>Canonical casing, or null if Graph has no such user property (directory extensions pass through).</summary>
    public static string CanonicalUserProperty(string name) =>
        UserByLower.TryGetValue(name, out var c) ? c : name.StartsWith("extension_", StringComparison.OrdinalIgnoreCase) ? name : null;

    public static string CanonicalGroupProperty(string name) => GroupByLower.TryGetValue(name, out var c) ? c : null;
}
