using System;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>UserSecurity, returned only with $expand=Security.</summary>
    public sealed class SfUserSecurity
    {
        public bool IsDisabled { get; internal set; }

        public bool IsLocked { get; internal set; }

        public DateTimeOffset? LastAnyLogin { get; internal set; }
    }
}
