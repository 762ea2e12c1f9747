namespace ShareFileProvisioning
{
    /// <summary>One member of a distribution group (a ShareFile contact).</summary>
    public sealed class ShareFileGroupMember
    {
        public string Id { get; set; }
        public string Email { get; set; }
        public string Name { get; set; }
        public bool? IsDisabled { get; set; }

        public override string ToString() => Email;
    }
}
