using System;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// What one Users(id)?$expand=Security answer says that the feeds leave out (docs/sharefile-api.md): the roles, and
    /// maybe the disabled state and the last sign-in. Kept small: a report holds one per employee.
    /// </summary>
    internal sealed class AccountDetails
    {
        public bool IsAdministrator { get; private set; }

        public bool IsDisabled { get; private set; }

        /// <summary>False when the answer carried no Security (IsDisabled and LastAnyLogin unknown).</summary>
        public bool StateKnown { get; private set; }

        public DateTimeOffset? LastAnyLogin { get; private set; }

        public static AccountDetails From(SfUser user) => new AccountDetails
        {
            IsAdministrator = AdminProtection.IsAdministrator(user),
            IsDisabled = user.IsDisabled,
            StateKnown = user.Security != null,
            LastAnyLogin = user.Security?.LastAnyLogin,
        };
    }
}
