using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// Entra expression functions this engine deliberately leaves out, with the reason. The compiler names the
    /// reason when an expression uses one.
    /// <list type="bullet">
    /// <item>AppRoleAssignmentsComplex, AssertiveAppRoleAssignmentsComplex, SingleAppRoleAssignment: they turn
    /// [appRoleAssignments] into SCIM app-role values; ShareFile has no app roles to provision.</item>
    /// <item>SelectUniqueValue: Entra supports it only for Workday/SuccessFactors/API-driven provisioning to
    /// on-premises Active Directory (it queries the target for uniqueness); not for app provisioning.</item>
    /// </list>
    /// </summary>
    public static class UnsupportedFunctions
    {
        private const string AppRoleReason =
            "it maps [appRoleAssignments] to SCIM app roles, and ShareFile has no app roles to provision";

        /// <summary>Function name (exact spelling) → why it is not supported.</summary>
        public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AppRoleAssignmentsComplex"] = AppRoleReason,
            ["AssertiveAppRoleAssignmentsComplex"] = AppRoleReason,
            ["SingleAppRoleAssignment"] = AppRoleReason,
            ["SelectUniqueValue"] =
                "Entra supports it only for Workday, SuccessFactors and API-driven provisioning to on-premises Active Directory, not for app provisioning",
        };

        public static bool TryGetReason(string functionName, out string reason)
        {
            reason = null;
            return functionName != null && Reasons.TryGetValue(functionName, out reason);
        }
    }
}
