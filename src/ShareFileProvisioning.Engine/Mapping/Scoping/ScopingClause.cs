namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>
    /// One condition, as configured (Graph <c>filterClause{sourceOperandName, operatorName, targetOperand}</c>).
    /// <see cref="Operator"/> is kept as text so a bad name is reported by validation, not lost in deserialisation.
    /// </summary>
    public sealed class ScopingClause
    {
        public ScopingClause()
        {
        }

        public ScopingClause(string sourceAttribute, string @operator, string value = null)
        {
            SourceAttribute = sourceAttribute;
            Operator = @operator;
            Value = value;
        }

        public ScopingClause(string sourceAttribute, ScopingOperator @operator, string value = null)
            : this(sourceAttribute, @operator.ToGraphName(), value)
        {
        }

        /// <summary>Source attribute name (case-insensitive), e.g. "department".</summary>
        public string SourceAttribute { get; set; }

        /// <summary>Operator name: a Graph spelling ("NOT EQUALS") or an alias ("NotEquals"); see <see cref="ScopingOperators.TryParse"/>.</summary>
        public string Operator { get; set; }

        /// <summary>The value compared against; unused by IS TRUE/IS FALSE/IS NULL/IS NOT NULL.</summary>
        public string Value { get; set; }

        public override string ToString() =>
            ScopingOperators.TryParse(Operator, out var op) && !op.RequiresValue()
                ? $"{SourceAttribute} {Operator}"
                : $"{SourceAttribute} {Operator} '{Value}'";
    }
}
