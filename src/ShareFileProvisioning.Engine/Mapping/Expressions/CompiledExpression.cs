using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// A parsed and validated expression. Immutable and thread-safe: compile once per mapping, evaluate for every
    /// source object (no re-parsing, literal regexes pre-built).
    /// </summary>
    public sealed class CompiledExpression
    {
        private readonly Node _root;

        internal CompiledExpression(string text, Node root, bool isRedacted, bool isVolatile, IReadOnlyList<string> referencedAttributes)
        {
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
        /// <exception cref="ExpressionEvaluationException">A function failed for this object (e.g. a string that is no date).</exception>
        public ExpressionResult Evaluate(ISourceAttributes source, EvaluationContext context = null)
        {
            if (source == null) throw new System.ArgumentNullException(nameof(source));
            var value = _root.Evaluate(source, context ?? EvaluationContext.Default);
            return value is IgnoreFlowMarker
                ? new ExpressionResult(null, true, IsRedacted)
                : new ExpressionResult(value, false, IsRedacted);
        }

        public override string ToString() => Text;
    }
}
