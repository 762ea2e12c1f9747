namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Account licence usage.</summary>
    public sealed class SfUserUsage
    {
        public int? EmployeeMax { get; internal set; }

        public int? EmployeeCount { get; internal set; }

        public int? ClientCount { get; internal set; }
    }
}
