namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>
    /// Where the engine narrates its work. The cmdlet layer maps Verbose to WriteVerbose and Debug to WriteDebug;
    /// the engine never writes to a console itself. Implementations must be thread-safe: HTTP calls run concurrently.
    /// </summary>
    public interface IEngineTrace
    {
        /// <summary>Human narration, e.g. "412 members resolved for Sales".</summary>
        void Verbose(string message);

        /// <summary>Redacted wire detail: method, URL, status, attempt, elapsed.</summary>
        void Debug(string message);
    }
}
