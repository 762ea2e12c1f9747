namespace ShareFileProvisioning
{
    public enum CheckStatus
    {
        Passed,
        Failed,
        Warning,
        Skipped,
    }

    /// <summary>
    /// One check of Test-ShareFileConnection. A failed check is data, not an exception: <see cref="Message"/> says what
    /// to fix. The last object of a run is the overall result (Check = "Overall").
    /// </summary>
    public sealed class ConnectionCheck
    {
        public string System { get; set; }
        public string Check { get; set; }
        public CheckStatus Status { get; set; }
        public string Message { get; set; }
        public string Detail { get; set; }

        public bool Passed => Status == CheckStatus.Passed || Status == CheckStatus.Warning;

        public override string ToString() => $"{Check}: {Status}";
    }
}
