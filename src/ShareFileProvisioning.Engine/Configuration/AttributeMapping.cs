namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// One user attribute mapping: <see cref="Target"/> ← a Direct source attribute, a Constant or an Expression.
    /// Only the field matching <see cref="Type"/> is used (<see cref="SourceAttribute"/>, <see cref="Constant"/>,
    /// <see cref="Expression"/>).
    /// </summary>
    public sealed class AttributeMapping
    {
        public TargetAttribute Target { get; set; }

        public MappingType Type { get; set; }

        /// <summary>Direct: the source attribute name, e.g. "givenName".</summary>
        public string SourceAttribute { get; set; }

        /// <summary>Constant: the value, as text ("True", "10", "Employee").</summary>
        public string Constant { get; set; }

        /// <summary>Expression: Entra expression text, e.g. <c>Not([IsSoftDeleted])</c>.</summary>
        public string Expression { get; set; }

        /// <summary>Written on create when the source yields null.</summary>
        public string DefaultValue { get; set; }

        public MappingApply Apply { get; set; } = MappingApply.Always;

        /// <summary>0 = not used for matching; 1, 2, … = lookup order.</summary>
        public int MatchingPrecedence { get; set; }

        /// <summary>Used for matching only, never written (e.g. mail → Email at precedence 2).</summary>
        public bool LookupOnly { get; set; }

        /// <summary>The source as one line: the attribute, the quoted constant or the expression.</summary>
        public string DescribeSource()
        {
            switch (Type)
            {
                case MappingType.Direct: return "[" + SourceAttribute + "]";
                case MappingType.Constant: return "\"" + Constant + "\"";
                default: return Expression;
            }
        }

        public override string ToString() => $"{DescribeSource()} → {Target}";
    }
}
