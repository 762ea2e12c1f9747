namespace ShareFileProvisioning.Engine.ShareFile
{
    public enum ConnectionCheckStatus
    {
        Passed,

        /// <summary>Works, but needs attention (e.g. no licences left).</summary>
        Warning,

        Failed,

        /// <summary>Not run because a check it depends on failed.</summary>
        Skipped,
    }
}
