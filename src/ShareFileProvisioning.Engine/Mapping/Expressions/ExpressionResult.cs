using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// What an expression produced for one source object. <see cref="IsFlowIgnored"/> (from IgnoreFlowIfNullOrEmpty)
    /// means "drop this attribute from the flow" and is distinct from a null value ("nothing to provision").
    /// </summary>
    public readonly struct ExpressionResult
    {
        internal ExpressionResult(object value, bool isFlowIgnored, bool isRedacted)
        {
            Value = isFlowIgnored ? null : value;
            IsFlowIgnored = isFlowIgnored;
            IsRedacted = isRedacted;
        }

        /// <summary>null, string, bool, long, DateTimeOffset or IReadOnlyList&lt;string&gt;; null when flow is ignored.</summary>
        public object Value { get; }

        /// <summary>IgnoreFlowIfNullOrEmpty fired: leave the target attribute out of this create/update.</summary>
        public bool IsFlowIgnored { get; }

        /// <summary>The expression uses Redact: logs and plans must show <c>[Redact]</c> instead of the value.</summary>
        public bool IsRedacted { get; }

        /// <summary>No value (and not a dropped flow).</summary>
        public bool IsNull => !IsFlowIgnored && Value == null;

        public bool IsMultiValued => Value is IReadOnlyList<string>;

        /// <summary>
        /// The value as Entra turns it into a string: booleans "True"/"False", numbers invariant, dates
        /// <c>M/d/yyyy h:mm:ss tt</c> UTC, a single-valued list its item. Null stays null.
        /// </summary>
        /// <exception cref="InvalidOperationException">The value has more than one item.</exception>
        public string AsString()
        {
            if (ExpressionValues.TryToStr(Value, out var s)) return s;
            throw new InvalidOperationException(
                $"The expression produced {((IReadOnlyList<string>)Value).Count} values where one was expected; use Join or Item.");
        }

        /// <summary>The value as a list of strings (a single value becomes a one-item list; null an empty list).</summary>
        public IReadOnlyList<string> AsStringList()
        {
            if (Value is IReadOnlyList<string> list) return list;
            var s = AsString();
            return s == null ? Array.Empty<string>() : new[] { s };
        }

        /// <summary>The value as logs and plans may show it: <c>[Redact]</c> for redacted values.</summary>
        public string ToLogString()
        {
            if (IsFlowIgnored) return "(flow ignored)";
            if (Value == null) return "null";
            if (IsRedacted) return "[Redact]";
            return ExpressionValues.FormatForDisplay(Value);
        }

        public override string ToString() => ToLogString();
    }
}
