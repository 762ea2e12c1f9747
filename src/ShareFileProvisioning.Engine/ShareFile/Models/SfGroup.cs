using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>A distribution group (ids start with "g").</summary>
    public sealed class SfGroup
    {
        public string Id { get; internal set; }

        public string Name { get; internal set; }

        public string Email { get; internal set; }

        public bool IsShared { get; internal set; }

        public int? NumberOfContacts { get; internal set; }

        public SfUser Owner { get; internal set; }

        /// <summary>Members; filled only when fetched with expandContacts.</summary>
        public IReadOnlyList<SfContact> Contacts { get; internal set; }

        public override string ToString() => $"Group {Name} ({Id})";
    }
}
