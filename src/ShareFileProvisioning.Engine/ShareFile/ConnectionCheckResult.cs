namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>One line of the connection test: a failed check is data, not an exception.</summary>
    public sealed class ConnectionCheckResult
    {
        public ConnectionCheckResult(string name, ConnectionCheckStatus status, string message, string detail = null)
        {
            Name = name;
            Status = status;
            Message = message;
            Detail = detail;
        }

        public string Name { get; }

        public ConnectionCheckStatus Status { get; }

        /// <summary>True (passed or warning), false (failed), null (skipped).</summary>
        public bool? Passed => Status == ConnectionCheckStatus.Skipped ? (bool?)null : Status != ConnectionCheckStatus.Failed;

        /// <summary>What was found, and for a failure what to fix.</summary>
        public string Message { get; }

        /// <summary>Technical detail (status code, reason); never secrets.</summary>
        public string Detail { get; }

        public override string ToString() => $"[{Status}] {Name}: {Message}";
    }
}
