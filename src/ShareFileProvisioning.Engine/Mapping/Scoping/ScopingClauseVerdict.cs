namespace ShareFileProvisioning.Engine.Mapping.Scoping
{
    /// <summary>One clause evaluated for one object: what it compares, the object's value and whether it held.</summary>
    public sealed class ScopingClauseVerdict
    {
        internal ScopingClauseVerdict(int filterIndex, int clauseIndex, string attribute, string @operator, string value, string actualValue, bool result, string reason)
        {
            FilterIndex = filterIndex;
            ClauseIndex = clauseIndex;
            Attribute = attribute;
            Operator = @operator;
            Value = value;
            ActualValue = actualValue;
            Result = result;
            Reason = reason;
        }

        /// <summary>1-based filter number (filters are OR-ed).</summary>
        public int FilterIndex { get; }

        /// <summary>1-based clause number within the filter (clauses are AND-ed).</summary>
        public int ClauseIndex { get; }

        public string Attribute { get; }

        /// <summary>Graph's operator name (EQUALS, NOT EQUALS, REGEX MATCH, …).</summary>
        public string Operator { get; }

        /// <summary>The configured value; null for operators that take none.</summary>
        public string Value { get; }

        /// <summary>The object's value of <see cref="Attribute"/> as text; null when it has none.</summary>
        public string ActualValue { get; }

        public bool Result { get; }

        /// <summary>Why the clause is false; null when it holds.</summary>
        public string Reason { get; }

        public override string ToString() =>
            $"filter {FilterIndex}, clause {ClauseIndex}: {Attribute} {Operator}{(Value == null ? "" : $" '{Value}'")} — value " +
            $"{(ActualValue == null ? "(none)" : $"'{ActualValue}'")}: {(Result ? "true" : "false")}";
    }
}
