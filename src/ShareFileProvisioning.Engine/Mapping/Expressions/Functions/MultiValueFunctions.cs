using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Functions
{
    /// <summary>Count(attribute): number of values; a single value counts 1, null counts 0 (not null).</summary>
    internal sealed class CountFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (value is IReadOnlyList<string> list) return (long)list.Count;
            return value == null || value is IgnoreFlowMarker ? 0L : 1L;
        }
    }

    /// <summary>Item(attribute, index): the 1-based index-th value; past the end → null; index &lt; 1 is an error.</summary>
    internal sealed class ItemFunction : FunctionNode
    {
        internal override void Validate()
        {
            if (TryGetLiteral(1, out var literal) && literal is long n && n < 1)
                throw CompileError("index (argument 2) must be 1 or more; the first item is 1", 1);
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (value == null || value is IgnoreFlowMarker) return null;
            var index = EvalInteger(1, "index", source, context) ?? throw Fail("index (argument 2) is null");
            if (index < 1) throw Fail("index (argument 2) must be 1 or more; the first item is 1");
            var list = AsList(value);
            return index <= list.Count ? list[(int)index - 1] : null;
        }
    }

    /// <summary>RemoveDuplicates(attribute): values made unique (case-sensitive), first occurrence kept, order kept.</summary>
    internal sealed class RemoveDuplicatesFunction : FunctionNode
    {
        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var value = Eval(0, source, context);
            if (!(value is IReadOnlyList<string> list)) return value is IgnoreFlowMarker ? null : value;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<string>(list.Count);
            foreach (var item in list)
                if (item != null && seen.Add(item)) result.Add(item);
            return result.AsReadOnly();
        }
    }

    /// <summary>
    /// Split(source, delimiter): a string → multi-valued, split on the whole delimiter string; items are not trimmed.
    /// Null source → null.
    /// </summary>
    internal sealed class SplitFunction : FunctionNode
    {
        internal override void Validate()
        {
            if (TryGetLiteral(1, out var literal) && string.IsNullOrEmpty(literal as string))
                throw CompileError("delimiter (argument 2) must not be empty", 1);
        }

        public override object Evaluate(ISourceAttributes source, EvaluationContext context)
        {
            var s = EvalString(0, source, context);
            if (s == null) return null;
            var delimiter = EvalString(1, source, context);
            if (string.IsNullOrEmpty(delimiter)) throw Fail("delimiter (argument 2) is empty");
            return s.Split(new[] { delimiter }, StringSplitOptions.None);
        }
    }
}
