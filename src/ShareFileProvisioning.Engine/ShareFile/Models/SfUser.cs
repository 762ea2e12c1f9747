using System;
using System.Collections.Generic;
using System.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>A ShareFile User or AccountUser (employee). ShareFile has no IsEmployee/IsDisabled fields: both are derived.</summary>
    public sealed class SfUser
    {
        internal const string AccountUserType = "ShareFile.Api.Models.AccountUser";

        public string Id { get; internal set; }

        /// <summary>odata.type, e.g. ShareFile.Api.Models.AccountUser.</summary>
        public string ODataType { get; internal set; }

        public string Email { get; internal set; }

        public string Username { get; internal set; }

        public string FirstName { get; internal set; }

        public string LastName { get; internal set; }

        public string FullName { get; internal set; }

        public string Company { get; internal set; }

        public IReadOnlyList<string> Emails { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<string> Roles { get; internal set; } = Array.Empty<string>();

        public DateTimeOffset? DateCreated { get; internal set; }

        public bool? IsConfirmed { get; internal set; }

        public bool? IsDeleted { get; internal set; }

        public bool? IsAdministrator { get; internal set; }

        public bool? CanCreateFolders { get; internal set; }

        public bool? CanUseFileBox { get; internal set; }

        public bool? CanManageUsers { get; internal set; }

        public int? StorageQuotaLimitGB { get; internal set; }

        /// <summary>Present only when requested with expandSecurity.</summary>
        public SfUserSecurity Security { get; internal set; }

        /// <summary>Employee = odata.type AccountUser or the role Employee.</summary>
        public bool IsEmployee =>
            string.Equals(ODataType, AccountUserType, StringComparison.OrdinalIgnoreCase) || HasRole("Employee");

        /// <summary>From Security.IsDisabled; false when Security was not expanded (see <see cref="Security"/>).</summary>
        public bool IsDisabled => Security != null && Security.IsDisabled;

        public bool HasRole(string role)
        {
            return Roles != null && Roles.Any(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        }

        public override string ToString() => $"{(IsEmployee ? "Employee" : "Client")} {Email} ({Id})";
    }
}
