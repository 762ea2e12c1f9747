using System;

namespace ShareFileProvisioning
{
    /// <summary>A ShareFile user as Get-ShareFileUser and the sync report it.</summary>
    public sealed class ShareFileUser
    {
        public string Id { get; set; }
        public string Email { get; set; }
        public string FirstName { get; set; }
        public string LastName { get; set; }
        public string FullName { get; set; }
        public string Company { get; set; }
        public ShareFileUserType UserType { get; set; }
        /// <summary>Null when a listing did not say (some ShareFile feeds leave the state out).</summary>
        public bool? IsDisabled { get; set; }
        public bool IsAdministrator { get; set; }
        public bool? CanCreateFolders { get; set; }
        public bool? CanUseFileBox { get; set; }
        public bool? CanManageUsers { get; set; }
        public int? StorageQuotaLimitGB { get; set; }
        public string[] Roles { get; set; } = Array.Empty<string>();
        public DateTime? DateCreated { get; set; }

        public override string ToString() => Email;
    }
}
