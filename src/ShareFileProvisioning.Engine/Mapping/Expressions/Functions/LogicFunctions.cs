using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>
    /// IIF(condition, valueIfTrue, valueIfFalse): only the chosen branch is evaluated. The condition is true for a
    /// boolean true, "True" (any case) or a non-zero integer; null/empty and anything else is false.
    /// </summary>
    internal sealed class IifFunction : FunctionNode
    {
        internal override bool PassesThrough(int index) => index > 0;

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var condition = ExpressionValues.ToBoolean(Eval(0, source, context)) ?? false;
            return Eval(condition ? 1 : 2, source, context);
        }
    }

    /// <summary>
    /// Switch(source, defaultValue, key1, value1, …): case-sensitive key lookup, else defaultValue (null when omitted).
    /// A null source is compared as "" so the documented <c>Switch([x], "Default", "", "empty")</c> pattern works.
    /// </summary>
    internal sealed class SwitchFunction : FunctionNode
    {
        internal override void Validate()
        {
            if (Args.Length % 2 != 0)
                throw CompileError($"got {Args.Length} arguments but keys and values must come in pairs (an even number in all); signature Switch(source, defaultValue, key1, value1, …)");
        }

        internal override bool PassesThrough(int index) => index == 1 || (index >= 3 && index % 2 == 1);

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = EvalString(0, source, context) ?? string.Empty;
            for (var i = 2; i + 1 < Args.Length; i += 2)
            {
                var key = EvalString(i, source, context) ?? string.Empty;
                if (string.Equals(key, value, System.StringComparison.Ordinal)) return Eval(i + 1, source, context);
            }
            return Eval(1, source, context);
        }
    }

    /// <summary>Coalesce(source1, …, defaultValue): the first non-null value (an empty string counts as a value).</summary>
    internal sealed class CoalesceFunction : FunctionNode
    {
        internal override bool PassesThrough(int index) => true;

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            for (var i = 0; i < Args.Length; i++)
            {
                var value = Args[i].Evaluate(source, context);
                if (value == null || (value is IReadOnlyList<string> list && list.Count == 0)) continue;
                return value;
            }
            return null;
        }
    }

    /// <summary>IgnoreFlowIfNullOrEmpty(expression): the value, or the "drop this attribute" marker if null/empty.</summary>
    internal sealed class IgnoreFlowIfNullOrEmptyFunction : FunctionNode
    {
        internal override bool PassesThrough(int index) => true;

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            return ExpressionValues.IsNullOrEmpty(value) ? IgnoreFlowMarker.Instance : value;
        }
    }

    /// <summary>Redact(value): the value unchanged; the compiler marks the whole expression as redacted for logs.</summary>
    internal sealed class RedactFunction : FunctionNode
    {
        internal override bool PassesThrough(int index) => true;

        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => Eval(0, source, context);
    }

    /// <summary>
    /// Not(source): True → False, anything else → True (Entra's wording), except that a null source stays null
    /// (deviation: a missing attribute must not turn into "True" and be provisioned).
    /// </summary>
    internal sealed class NotFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (value == null || value is IgnoreFlowMarker) return null;
            return ExpressionValues.Box(ExpressionValues.ToBoolean(value) != true);
        }
    }

    /// <summary>
    /// CBool(expression): True for a non-zero number, boolean true or "True"; False otherwise, including null
    /// (Entra: "else it returns False"). A string that is neither a boolean nor a number is an error.
    /// </summary>
    internal sealed class CBoolFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (ExpressionValues.IsNullOrEmpty(value)) return ExpressionValues.False;
            var b = ExpressionValues.ToBoolean(value);
            if (b == null) throw Fail($"cannot convert {ExpressionValues.TypeName(value)} to a boolean; expected a number, True or False");
            return ExpressionValues.Box(b.Value);
        }
    }

    /// <summary>IsNull / IsNullOrEmpty / IsPresent / IsString: always a boolean, never null.</summary>
    internal sealed class TestFunction : FunctionNode
    {
        public enum Kind
        {
            IsNull,
            IsNullOrEmpty,
            IsPresent,
            IsString,
        }

        private readonly Kind _kind;

        public TestFunction(Kind kind) => _kind = kind;

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (value is IgnoreFlowMarker) value = null;
            switch (_kind)
            {
                case Kind.IsNull: return ExpressionValues.Box(value == null || (value is IReadOnlyList<string> l && l.Count == 0));
                case Kind.IsNullOrEmpty: return ExpressionValues.Box(ExpressionValues.IsNullOrEmpty(value));
                case Kind.IsPresent: return ExpressionValues.Box(!ExpressionValues.IsNullOrEmpty(value));
                default: return ExpressionValues.Box(value is string);
            }
        }
    }

    /// <summary>CStr(value): the value's string form (booleans "True"/"False"); null stays null.</summary>
    internal sealed class CStrFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => EvalString(0, source, context);
    }

    /// <summary>BitAnd(value1, value2): bitwise AND of two integers (decimal or &amp;H hex); null if either is null.</summary>
    internal sealed class BitAndFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var a = EvalInteger(0, "value1", source, context);
            var b = EvalInteger(1, "value2", source, context);
            if (a == null || b == null) return null;
            return a.Value & b.Value;
        }
    }
}
