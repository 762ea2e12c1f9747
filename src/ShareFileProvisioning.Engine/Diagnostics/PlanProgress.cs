using System;

namespace ShareFileProvisioning.Engine.Diagnostics
{
    /// <summary>The stages of computing a plan, each shown as its own progress bar.</summary>
    public enum PlanStage
    {
        ReadingSource,
        ReadingShareFile,
        Computing,
    }

    /// <summary>
    /// One snapshot of a planning stage: counts only, no names or secrets. A trace that also implements
    /// <see cref="IProgress{T}"/> of this type receives them (the cmdlets show them with Write-Progress); any other
    /// trace costs the readers nothing but a type check.
    /// </summary>
    public sealed class PlanProgress
    {
        public PlanProgress(PlanStage stage, int pages, int assignments, int users, int accounts)
        {
            Stage = stage;
            Pages = pages;
            Assignments = assignments;
            Users = users;
            Accounts = accounts;
        }

        public PlanStage Stage { get; }

        /// <summary>Graph pages read so far (assignments and users).</summary>
        public int Pages { get; }

        public int Assignments { get; }

        /// <summary>Source users whose attributes were read so far.</summary>
        public int Users { get; }

        /// <summary>ShareFile accounts (employees and clients) read so far.</summary>
        public int Accounts { get; }
    }
}
