using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>One mapping ready to evaluate: the compiled expression (or constant), flow, typed default, matching precedence. Thread-safe.</summary>
    public sealed class CompiledAttributeMapping
    {
        private readonly CompiledExpression _expression;
        private readonly object _constant;

        internal CompiledAttributeMapping(AttributeMapping mapping, CompiledExpression expression, object constant, object defaultValue)
        {
            Target = mapping.Target;
            Type = mapping.Type;
            Source = mapping.DescribeSource();
            Apply = mapping.Apply;
            MatchingPrecedence = mapping.MatchingPrecedence;
            LookupOnly = mapping.LookupOnly;
            DefaultValue = defaultValue;
            _expression = expression;
            _constant = constant;
        }

        public TargetAttribute Target { get; }

        public MappingType Type { get; }

        /// <summary>"[attribute]", "\"constant\"" or the expression text.</summary>
        public string Source { get; }

        public MappingApply Apply { get; }

        /// <summary>0 = not used for matching.</summary>
        public int MatchingPrecedence { get; }

        public bool LookupOnly { get; }

        /// <summary>Typed default (create only), or null.</summary>
        public object DefaultValue { get; }

        /// <summary>Source attributes the mapping reads (for Graph $select).</summary>
        public System.Collections.Generic.IReadOnlyList<string> ReferencedAttributes =>
            _expression?.ReferencedAttributes ?? new string[0];

        /// <summary>Evaluates for one user. <paramref name="isCreate"/>: the user is being created (defaults and OnCreateOnly apply).</summary>
        /// <exception cref="MappingEvaluationException">The expression failed or its value does not fit the target.</exception>
        public MappedValue Evaluate(ISourceAttributes source, bool isCreate, EvaluationContext context = null)
        {
            if (!isCreate && Apply == MappingApply.OnCreateOnly) return new MappedValue(Target, null, MappedValueSource.NotApplied, false);
            if (_expression == null) return new MappedValue(Target, _constant, MappedValueSource.Mapping, false);

            ExpressionResult result;
            try
            {
                result = _expression.Evaluate(source, context);
            }
            catch (ExpressionEvaluationException e)
            {
                throw new MappingEvaluationException(Target, Source, e.Message, e);
            }
            if (result.IsFlowIgnored) return new MappedValue(Target, null, MappedValueSource.FlowIgnored, result.IsRedacted);

            var raw = result.Value;
            if (raw is string s && s.Length == 0 && TargetValues.KindOf(Target) != TargetValueKind.String) raw = null;
            if (!TargetValues.TryConvert(Target, raw, out var converted, out var problem))
                throw new MappingEvaluationException(Target, Source, problem);
            if (converted == null && isCreate && DefaultValue != null)
                return new MappedValue(Target, DefaultValue, MappedValueSource.Default, false);
            return new MappedValue(Target, converted, MappedValueSource.Mapping, result.IsRedacted);
        }

        /// <summary>The raw matching value for lookups (create/update flow rules do not apply; no default).</summary>
        public string EvaluateForMatching(ISourceAttributes source, EvaluationContext context = null)
        {
            if (_expression == null) return _constant as string;
            try
            {
                var result = _expression.Evaluate(source, context);
                if (result.IsFlowIgnored || result.Value == null) return null;
                var text = result.Value is System.Collections.Generic.IReadOnlyList<string> list ? (list.Count == 1 ? list[0] : null) : result.AsString();
                return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            }
            catch (ExpressionEvaluationException e)
            {
                throw new MappingEvaluationException(Target, Source, e.Message, e);
            }
        }

        public override string ToString() => $"{Source} → {Target}";
    }
}
