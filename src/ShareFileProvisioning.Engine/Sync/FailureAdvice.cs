using ShareFileProvisioning.Engine.Planning;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// Which failures a retry can fix (transient: the connection, 5xx, 429 past its retries) and which it cannot
    /// (permanent: ShareFile refused the values, the licence, the account), and what the admin should do about each.
    /// Permanent failures never enter the retry queue: a retry would fail the same way.
    /// </summary>
    internal static class FailureAdvice
    {
        public static bool IsTransient(SyncActionResult r)
        {
            if (r.HttpStatus.HasValue) return r.HttpStatus.Value == 429 || r.HttpStatus.Value == 408 || r.HttpStatus.Value >= 500;
            switch (r.ErrorCode)
            {
                case "ConnectionFailed":
                case "TooManyRequests":
                case "ServiceUnavailable":
                case "MaintenanceMode":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Entra's recommendedAction for a failed action.</summary>
        public static string Recommend(SyncActionResult r)
        {
            if (IsTransient(r)) return "None needed: ShareFile or the network failed for a moment; the next cycle tries again, then backs off (6 h, 12 h, 24 h) for up to four weeks.";
            switch (r.ErrorCode)
            {
                case "EmployeeLicensesExceeded": return "Add employee licences in ShareFile or free some (downgrade or delete unused employees); the next cycle tries again.";
                case "ClientMustBeCreatedAsEmployee": return "Make the user an employee (user-type rule) or remove its domain from ShareFile's strict employee domains.";
                case "Conflict": return "Another ShareFile account holds this email: add Email as a matching attribute, or rename or remove the other account.";
                case "NotFound": return "The ShareFile account no longer exists: run Invoke-ShareFileSync -Full to re-match it.";
                case "NotManaged": return "The account is not linked to this source object; it is never changed. Link it by matching (Invoke-ShareFileSync -Full) or leave it.";
                case "AuthenticationFailed": return "Check the ShareFile administrator's password and the API client id and secret (Test-ShareFileConnection).";
                case "Forbidden":
                case "NotAuthorized": return "Give the ShareFile administrator the roles the action needs (Test-ShareFileConnection lists them).";
                case "EmailWhitelistViolation":
                case "EmailBlacklistViolation": return "ShareFile's email allow/deny lists refuse this address: change the lists or the Email mapping.";
                default: return "Check the values the plan sends (Get-ProvisioningPlan -UserPrincipalName) against what ShareFile accepts, fix the source or the mapping, and run the sync again.";
            }
        }
    }
}
