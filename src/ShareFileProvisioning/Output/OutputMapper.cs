using System.Linq;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning
{
    /// <summary>Engine DTOs → the module's public output types (which PowerShell 7 can resolve by name).</summary>
    internal static class OutputMapper
    {
        public static ShareFileUser ToUser(SfUser user) => new ShareFileUser
        {
            Id = user.Id,
            Email = user.Email,
            FirstName = user.FirstName,
            LastName = user.LastName,
            FullName = user.FullName ?? JoinName(user.FirstName, user.LastName),
            Company = user.Company,
            UserType = user.IsEmployee ? ShareFileUserType.Employee : ShareFileUserType.Client,
            IsDisabled = user.IsDisabled,
            IsAdministrator = user.IsAdministrator ?? false,
            CanCreateFolders = user.CanCreateFolders,
            CanUseFileBox = user.CanUseFileBox,
            CanManageUsers = user.CanManageUsers,
            StorageQuotaLimitGB = user.StorageQuotaLimitGB,
            Roles = user.Roles.ToArray(),
            DateCreated = user.DateCreated?.UtcDateTime,
        };

        /// <summary>Feed elements (Accounts/Employees, Accounts/Clients) carry less than a full user.</summary>
        public static ShareFileUser ToUser(SfContact contact, ShareFileUserType type) => new ShareFileUser
        {
            Id = contact.Id,
            Email = contact.Email,
            FirstName = contact.FirstName,
            LastName = contact.LastName,
            FullName = JoinName(contact.FirstName, contact.LastName) ?? contact.Name,
            Company = contact.Company,
            UserType = type,
            IsDisabled = contact.IsDisabled,
            DateCreated = contact.CreatedDate?.UtcDateTime,
        };

        public static ShareFileGroup ToGroup(SfGroup group, ShareFileGroupMember[] members) => new ShareFileGroup
        {
            Id = group.Id,
            Name = group.Name,
            IsShared = group.IsShared,
            MemberCount = members?.Length ?? group.NumberOfContacts,
            Members = members,
        };

        public static ShareFileGroupMember ToMember(SfContact contact) => new ShareFileGroupMember
        {
            Id = contact.Id,
            Email = contact.Email,
            Name = contact.Name ?? JoinName(contact.FirstName, contact.LastName),
            IsDisabled = contact.IsDisabled,
        };

        public static ConnectionCheck ToCheck(ConnectionCheckResult result) => ToCheck(result, "ShareFile");

        public static ConnectionCheck ToCheck(ConnectionCheckResult result, string system) => new ConnectionCheck
        {
            System = system,
            Check = result.Name,
            Status = (CheckStatus)System.Enum.Parse(typeof(CheckStatus), result.Status.ToString()),
            Message = result.Message,
            Detail = result.Detail,
        };

        private static string JoinName(string first, string last)
        {
            var name = $"{first} {last}".Trim();
            return name.Length == 0 ? null : name;
        }
    }
}
