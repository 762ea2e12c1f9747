namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>Discards everything; the default when a caller passes no trace.</summary>
    public sealed class NullEngineTrace : IEngineTrace
    {
        public static readonly NullEngineTrace Instance = new NullEngineTrace();

        private NullEngineTrace()
        {
        }

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }
    }
}
