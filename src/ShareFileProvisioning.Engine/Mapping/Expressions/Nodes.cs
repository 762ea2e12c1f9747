using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// A compiled expression node. Nodes are immutable after compilation, so one tree serves all users and threads.
    /// </summary>
    internal abstract class Node
    {
        /// <summary>1-based position in the expression text.</summary>
        public int Position { get; set; }

        public abstract object Evaluate(ISourceAttributes source, EvaluationContext context);
    }

    internal sealed class AttributeNode : Node
    {
        public AttributeNode(string name) => Name = name;

        public string Name { get; }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context) =>
            source.TryGetValue(Name, out var value) ? value : null;
    }

    internal sealed class ConstantNode : Node
    {
        public ConstantNode(object value) => Value = value;

        public object Value { get; }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => Value;
    }

    /// <summary>An empty argument: evaluates to null, but functions (Replace) can tell it was not given.</summary>
    internal sealed class OmittedNode : Node
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context) => null;
    }

    /// <summary>
    /// <c>left op right</c>. False whenever either side is null or empty (Entra: "the condition check fails").
    /// = and &lt;&gt; compare strings ordinally (numbers numerically when one side is a number, dates as dates when
    /// one side is a date); the ordering operators compare integers numerically, dates chronologically, otherwise
    /// strings ordinally.
    /// </summary>
    internal sealed class ComparisonNode : Node
    {
        private readonly Node _left;
        private readonly Node _right;
        private readonly string _op;

        public ComparisonNode(Node left, string op, Node right)
        {
            _left = left;
            _op = op;
            _right = right;
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var l = _left.Evaluate(source, context);
            var r = _right.Evaluate(source, context);
            if (ExpressionValues.IsNullOrEmpty(l) || ExpressionValues.IsNullOrEmpty(r)) return ExpressionValues.False;
            var cmp = Compare(l, r);
            bool result;
            switch (_op)
            {
                case "=": result = cmp == 0; break;
                case "<>": result = cmp != 0; break;
                case ">": result = cmp > 0; break;
                case ">=": result = cmp >= 0; break;
                case "<": result = cmp < 0; break;
                default: result = cmp <= 0; break;
            }
            return ExpressionValues.Box(result);
        }

        private int Compare(object l, object r)
        {
            var equality = _op == "=" || _op == "<>";
            var numeric = equality ? l is long || r is long : true;
            if (numeric && ExpressionValues.TryToLong(l, out var ln) && ExpressionValues.TryToLong(r, out var rn)) return ln.CompareTo(rn);
            if ((l is DateTimeOffset || r is DateTimeOffset) && ExpressionValues.TryToDate(l, out var ld) && ExpressionValues.TryToDate(r, out var rd))
                return ld.CompareTo(rd);
            if (!ExpressionValues.TryToStr(l, out var ls) || !ExpressionValues.TryToStr(r, out var rs))
                throw new ExpressionEvaluationException(null, Position,
                    $"The comparison '{_op}' at position {Position} got a multi-valued attribute; compare one value (Item) instead.");
            return string.CompareOrdinal(ls, rs);
        }
    }

    /// <summary>Base of every function: argument access helpers and error construction.</summary>
    internal abstract class FunctionNode : Node
    {
        public string Name { get; internal set; }

        public Node[] Args { get; internal set; }

        /// <summary>Compile-time checks of literal arguments (regex, culture, interval…). Throw <see cref="CompileError"/>.</summary>
        internal virtual void Validate()
        {
        }

        /// <summary>Whether argument <paramref name="index"/> is returned as-is (so IgnoreFlowIfNullOrEmpty may sit there).</summary>
        internal virtual bool PassesThrough(int index) => false;

        protected bool IsGiven(int index) => index < Args.Length && !(Args[index] is OmittedNode);

        /// <summary>One argument's value, checked against the <see cref="ExpressionLimits"/> before the function uses it.</summary>
        protected object Eval(int index, ISourceAttributes source, EvaluationContext context)
        {
            var value = index < Args.Length ? Args[index].Evaluate(source, context) : null;
            EvaluationGuard.Check(value, Name, Position);
            return value;
        }

        protected string EvalString(int index, ISourceAttributes source, EvaluationContext context) =>
            AsString(Eval(index, source, context), index);

        protected string AsString(object value, int index)
        {
            if (ExpressionValues.TryToStr(value, out var s)) return s;
            throw Fail($"argument {index + 1} is {ExpressionValues.TypeName(value)} but one value is needed; use Item or Join");
        }

        /// <summary>An integer argument; null when the argument is null/omitted.</summary>
        protected long? EvalInteger(int index, string parameter, ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(index, source, context);
            if (value == null || value is IgnoreFlowMarker) return null;
            if (ExpressionValues.TryToLong(value, out var n)) return n;
            throw Fail($"{parameter} (argument {index + 1}) must be a whole number but is {ExpressionValues.TypeName(value)}");
        }

        protected bool TryGetLiteral(int index, out object value)
        {
            if (index < Args.Length && Args[index] is ConstantNode c)
            {
                value = c.Value;
                return true;
            }
            value = null;
            return false;
        }

        protected ExpressionEvaluationException Fail(string message, Exception inner = null) =>
            new ExpressionEvaluationException(Name, Position, $"{Name} at position {Position}: {message}.", inner);

        protected ExpressionParseException CompileError(string message, int? argIndex = null)
        {
            var position = argIndex.HasValue && argIndex.Value < Args.Length ? Args[argIndex.Value].Position : Position;
            return new ExpressionParseException($"{Name} at position {Position}: {message}.", position);
        }

        protected static IReadOnlyList<string> AsList(object value)
        {
            if (value is IReadOnlyList<string> list) return list;
            return ExpressionValues.TryToStr(value, out var s) && s != null ? new[] { s } : Array.Empty<string>();
        }
    }
}
