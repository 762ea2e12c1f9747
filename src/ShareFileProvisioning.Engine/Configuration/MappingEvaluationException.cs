using System;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// A mapping failed for one user (an expression error, a value the target cannot take). The planner turns it into
    /// a skip for that user. The message names the target and the mapping, never the value.
    /// </summary>
    public sealed class MappingEvaluationException : Exception
    {
        public MappingEvaluationException(TargetAttribute target, string mapping, string problem, Exception inner = null)
            : base($"Mapping {mapping} → {target}: {problem}", inner)
        {
            Target = target;
            Mapping = mapping;
            Problem = problem;
        }

        public TargetAttribute Target { get; }

        /// <summary>The mapping's source as configured ("[givenName]", an expression, …).</summary>
        public string Mapping { get; }

        public string Problem { get; }
    }
}
