namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>An Entra user of the tenant as the account report needs it: who, whether enabled, whether soft-deleted.</summary>
    internal sealed class TenantUser
    {
        public string Id;
        public string UserPrincipalName;
        public string Mail;
        public bool AccountEnabled = true;
        public bool SoftDeleted;
    }
}
