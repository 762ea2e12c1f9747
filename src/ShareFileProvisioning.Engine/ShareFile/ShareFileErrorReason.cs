namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>ShareFile's ExceptionReason values that matter here (docs/sharefile-api.md, 'Errors'); anything else is Unspecified.</summary>
    public enum ShareFileErrorReason
    {
        Unspecified = 0,
        Conflict,
        NotFound,
        BadRequest,
        Throttled,
        EmployeeLicensesExceeded,
        ClientMustBeCreatedAsEmployee,
        NotAuthenticated,
        NotAuthorized,
        Forbidden,
        UnlicensedUser,
        MaintenanceMode,
        ServiceUnavailable,
        EmailWhitelistViolation,
        EmailBlacklistViolation,
    }
}
