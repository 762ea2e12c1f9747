namespace ShareFileProvisioning
{
    /// <summary>A ShareFile distribution group; <see cref="Members"/> is filled with -IncludeMembers.</summary>
    public sealed class ShareFileGroup
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public bool IsShared { get; set; }
        public int? MemberCount { get; set; }
        public ShareFileGroupMember[] Members { get; set; }

        public override string ToString() => Name;
    }
}
