namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>
    /// Which employees the account report reads the roles of. ShareFile's feeds carry no roles, so each is one
    /// Users(id) request (docs/account-report.md).
    /// </summary>
    public enum AdministratorCheck
    {
        /// <summary>Every employee: the Administrator flag is known on every account.</summary>
        All,

        /// <summary>
        /// Only the employees a licence reclaim could propose (disabled, inactive, never signed in, or state unknown):
        /// administrators are never proposed, so the proposals stay exact; other employees' flag is unknown.
        /// </summary>
        ReclaimCandidates,
    }
}
