using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>One step of an item in Entra's provisioning-log vocabulary (EntryImport, EntrySynchronizationScoping, …).</summary>
    public sealed class PlanStep
    {
        public string Name { get; set; }

        public PlanStepType StepType { get; set; }

        public PlanStepStatus Status { get; set; }

        public string Description { get; set; }

        /// <summary>e.g. Assigned, IsActive, ScopeEvaluationResult, SkipReason; null when none.</summary>
        public Dictionary<string, string> Details { get; set; }

        public override string ToString() => $"{Name} ({StepType}, {Status}): {Description}";
    }
}
