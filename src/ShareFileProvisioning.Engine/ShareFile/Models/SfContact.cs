using System;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Feed element of Accounts/Employees, Accounts/Clients and Groups(id)/Contacts; Id is the user's id.</summary>
    public sealed class SfContact
    {
        public string Id { get; internal set; }

        public string Email { get; internal set; }

        /// <summary>"Last, First".</summary>
        public string Name { get; internal set; }

        public string FirstName { get; internal set; }

        public string LastName { get; internal set; }

        public string Company { get; internal set; }

        public bool? IsConfirmed { get; internal set; }

        /// <summary>Null when the feed element does not carry it: unknown, not "enabled" (docs/sharefile-api.md).</summary>
        public bool? IsDisabled { get; internal set; }

        public DateTimeOffset? LastAnyLogin { get; internal set; }

        public DateTimeOffset? CreatedDate { get; internal set; }

        public override string ToString() => $"{Email} ({Id})";
    }
}
