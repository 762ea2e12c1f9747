using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Which employees a licence reclaim downgrades to clients (docs/licence-reclaim.md).</summary>
    public enum ReclaimKind
    {
        /// <summary>Employees disabled in ShareFile: they still hold a licence.</summary>
        DisabledEmployees,
        /// <summary>Employees with no sign-in for <see cref="LicenceReclaimOptions.InactiveDays"/> days, or none at all.</summary>
        InactiveEmployees,
    }

    /// <summary>Why one plan item reclaims a licence.</summary>
    public enum ReclaimReason
    {
        Disabled,
        Inactive,
        NeverSignedIn,
    }

    /// <summary>A plan's licence reclaim: recorded in the plan's basis, so a saved plan is recomputed the same way.</summary>
    public sealed class LicenceReclaimOptions
    {
        public const int DefaultInactiveDays = 90;

        public List<ReclaimKind> Kinds { get; set; } = new List<ReclaimKind>();

        public int InactiveDays { get; set; } = DefaultInactiveDays;

        /// <summary>Also downgrade employees this module does not manage (only when asked for explicitly).</summary>
        public bool IncludeUnmanaged { get; set; }

        public bool Reclaims(ReclaimKind kind) => Kinds != null && Kinds.Contains(kind);

        public bool IsEmpty => Kinds == null || Kinds.Count == 0;

        /// <summary>The options a cmdlet's -Reclaim, -InactiveDays and -IncludeUnmanaged give; null without -Reclaim.</summary>
        public static LicenceReclaimOptions From(IEnumerable<ReclaimKind> kinds, int? inactiveDays, bool includeUnmanaged)
        {
            var list = kinds == null ? new List<ReclaimKind>() : new List<ReclaimKind>(new HashSet<ReclaimKind>(kinds));
            list.Sort();
            if (inactiveDays != null && !list.Contains(ReclaimKind.InactiveEmployees))
                throw new System.ArgumentException("-InactiveDays applies to -Reclaim InactiveEmployees only.");
            if (inactiveDays != null && inactiveDays < 1) throw new System.ArgumentException("-InactiveDays must be 1 or more.");
            if (list.Count == 0) return null;
            return new LicenceReclaimOptions { Kinds = list, InactiveDays = inactiveDays ?? DefaultInactiveDays, IncludeUnmanaged = includeUnmanaged };
        }
    }
}
