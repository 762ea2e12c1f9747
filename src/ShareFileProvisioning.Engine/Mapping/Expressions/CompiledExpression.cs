using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// A parsed and validated expression. Thread-safe: compile once per mapping and cycle, evaluate for every source
    /// object (no re-parsing, literal regexes pre-built). Its only state is the cycle's evaluation-time budget
    /// (<see cref="ExpressionLimits.PerCycle"/>), shared by every thread that evaluates it.
    /// </summary>
    public sealed class CompiledExpression
    {
        private readonly Node _root;
        private readonly CycleBudget _budget = new CycleBudget(ExpressionLimits.PerCycle);

        internal CompiledExpression(string text, Node root, bool isRedacted, bool isVolatile, IReadOnlyList<string> referencedAttributes, TimeSpan? cycleBudget = null)
        {
            if (cycleBudget.HasValue) _budget = new CycleBudget(cycleBudget.Value);
            Text = text;
            _root = root;
            IsRedacted = isRedacted;
            IsVolatile = isVolatile;
            ReferencedAttributes = referencedAttributes;
        }

        /// <summary>The expression as written.</summary>
        public string Text { get; }

        /// <summary>Uses Redact: values must show as <c>[Redact]</c> in logs and plans.</summary>
        public bool IsRedacted { get; }

        /// <summary>Uses Now(), Guid() or RandomString(): the value changes between evaluations (use on create only).</summary>
        public bool IsVolatile { get; }

        /// <summary>The attribute names the expression reads, as written, without duplicates (case-insensitive).</summary>
        public IReadOnlyList<string> ReferencedAttributes { get; }

        /// <summary>Evaluates for one source object.</summary>
        /// <exception cref="ExpressionEvaluationException">A function failed for this object (e.g. a string that is no date), or the
        /// evaluation broke one of the <see cref="ExpressionLimits"/>.</exception>
        public ExpressionResult Evaluate(ISourceAttributes source, EvaluationContext context = null)
        {
            if (source == null) throw new System.ArgumentNullException(nameof(source));
            if (_budget.IsSpent)
                throw new ExpressionEvaluationException(null, 1,
                    $"The expression used up its {_budget.Limit.TotalSeconds:0} s of evaluation time for this cycle; it fails for every further object until the next cycle.");
            object value;
            using (var guard = EvaluationGuard.Begin())
            {
                try
                {
                    value = _root.Evaluate(source, context ?? EvaluationContext.Default);
                    EvaluationGuard.Check(value, null, 1);
                }
                finally
                {
                    _budget.Add(guard.Elapsed);
                }
            }

            return value is IgnoreFlowMarker
                ? new ExpressionResult(null, true, IsRedacted)
                : new ExpressionResult(value, false, IsRedacted);
        }

        /// <summary>The same expression with another per-cycle budget (tests, and hosts that want a tighter one).</summary>
        internal CompiledExpression WithCycleBudget(TimeSpan budget) =>
            new CompiledExpression(Text, _root, IsRedacted, IsVolatile, ReferencedAttributes, budget);

        public override string ToString() => Text;
    }
}
