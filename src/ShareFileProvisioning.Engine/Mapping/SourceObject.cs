using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShareFileProvisioning.Engine.Mapping
{
    /// <summary>
    /// The plain <see cref="ISourceAttributes"/> implementation the source layer fills from Graph users and CSV rows.
    /// Values are normalised on the way in (int → long, DateTime → DateTimeOffset, string sequences → a list),
    /// so the evaluator only ever sees the documented value types.
    /// </summary>
    public sealed class SourceObject : ISourceAttributes
    {
        /// <summary>Name of the computed attribute Entra exposes as <c>[IsSoftDeleted]</c>.</summary>
        public const string IsSoftDeletedAttribute = "IsSoftDeleted";

        private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        public SourceObject()
        {
        }

        public SourceObject(IEnumerable<KeyValuePair<string, object>> attributes)
        {
            if (attributes == null) return;
            foreach (var pair in attributes) Set(pair.Key, pair.Value);
        }

        /// <summary>
        /// True if the user is unassigned, out of scope, soft-deleted or disabled (computed by the planner,
        /// never read from the source). Readable as the attribute <c>[IsSoftDeleted]</c>.
        /// </summary>
        public bool IsSoftDeleted { get; set; }

        /// <summary>Names of the attributes that were set (excluding the computed IsSoftDeleted).</summary>
        public IEnumerable<string> AttributeNames => _values.Keys;

        /// <summary>Sets (or with null, clears) an attribute. Throws for value types the evaluator does not know.</summary>
        public SourceObject Set(string attributeName, object value)
        {
            if (string.IsNullOrWhiteSpace(attributeName))
                throw new ArgumentException("An attribute name must not be empty.", nameof(attributeName));
            if (string.Equals(attributeName, IsSoftDeletedAttribute, StringComparison.OrdinalIgnoreCase))
            {
                IsSoftDeleted = value is bool b ? b : throw new ArgumentException(
                    $"Attribute '{IsSoftDeletedAttribute}' takes a boolean, not {value?.GetType().Name ?? "null"}.", nameof(value));
                return this;
            }

            var normalised = Normalise(attributeName, value);
            if (normalised == null) _values.Remove(attributeName);
            else _values[attributeName] = normalised;
            return this;
        }

        public bool TryGetValue(string attributeName, out object value)
        {
            if (string.Equals(attributeName, IsSoftDeletedAttribute, StringComparison.OrdinalIgnoreCase))
            {
                value = IsSoftDeleted ? BoxedTrue : BoxedFalse;
                return true;
            }
            return _values.TryGetValue(attributeName, out value);
        }

        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        private static object Normalise(string name, object value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? BoxedTrue : BoxedFalse;
                case long l: return l;
                case int i: return (long)i;
                case short sh: return (long)sh;
                case DateTimeOffset dto: return dto;
                case DateTime dt:
                    // An unspecified kind comes from Graph/CSV parsers as UTC; treat it so rather than as local time.
                    return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime());
                case Guid g: return g.ToString("D", CultureInfo.InvariantCulture);
                case IReadOnlyList<string> list: return list;
                case IEnumerable<string> strings: return new List<string>(strings).AsReadOnly();
                default:
                    throw new ArgumentException(
                        $"Attribute '{name}' has a value of type {value.GetType().Name}; expected string, bool, integer, DateTimeOffset or a list of strings.",
                        nameof(value));
            }
        }
    }
}
