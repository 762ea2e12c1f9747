namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>
    /// A link the module stored (a delta link in the state, a link in a saved plan) points outside the configured Graph
    /// origin: whoever edited it would receive the bearer token, so it is refused before any request.
    /// </summary>
    public sealed class StoredLinkRejectedException : SourceException
    {
        public StoredLinkRejectedException(string message) : base(message, 0, "StoredLinkRejected")
        {
        }
    }
}
