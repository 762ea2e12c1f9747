using System;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// Bounds on the work one expression may cost, whatever it says (docs/safety.md): a configuration is input, and
    /// an expression that would need gigabytes or hours fails instead, alone, while the cycle goes on.
    /// </summary>
    public static class ExpressionLimits
    {
        /// <summary>Function calls nested deeper than this are refused when the expression is compiled.</summary>
        public const int MaxNestingDepth = 50;

        /// <summary>No value an expression computes, final or intermediate, may be longer (characters).</summary>
        public const int MaxStringLength = 64 * 1024;

        /// <summary>One regex match (or replace) may take this long.</summary>
        public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

        /// <summary>One evaluation (one expression for one object) may take this long, all its functions together.</summary>
        public static readonly TimeSpan PerEvaluation = TimeSpan.FromSeconds(2);

        /// <summary>
        /// All evaluations of one compiled expression in a cycle may take this long together; after that it fails at
        /// once for every further object of the cycle (expressions are compiled once per cycle).
        /// </summary>
        public static readonly TimeSpan PerCycle = TimeSpan.FromSeconds(10);
    }
}
