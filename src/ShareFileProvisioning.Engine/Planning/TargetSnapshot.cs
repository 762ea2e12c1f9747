using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// What the planner knows of ShareFile: the users read (every employee and client for a full listing, or the
    /// linked and matching ones for a targeted read), the licence cap and the strict-employee settings.
    /// </summary>
    public sealed class TargetSnapshot
    {
        public List<TargetUser> Users { get; set; } = new List<TargetUser>();

        /// <summary>True when <see cref="Users"/> is the whole account (then unlinked, unmatched users are Unmanaged).</summary>
        public bool IsComplete { get; set; }

        /// <summary>Employee licence cap; null = unknown or unlimited.</summary>
        public int? UserMax { get; set; }

        /// <summary>Employees holding a licence now (disabled ones included); null = unknown (count the listed employees).</summary>
        public int? EmployeeCount { get; set; }

        public bool UseStrictEmployeeDefinition { get; set; }

        /// <summary>Lower-case domains without '@'.</summary>
        public List<string> EmployeeEmailDomains { get; set; } = new List<string>();

        /// <summary>HTTP requests the read sent to ShareFile.</summary>
        public long RequestCount { get; set; }
    }
}
