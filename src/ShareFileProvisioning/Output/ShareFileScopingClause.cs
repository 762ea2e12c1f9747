namespace ShareFileProvisioning
{
    /// <summary>One clause of a scoping filter. Clauses of a filter are ANDed; filters are ORed. Indexes are 1-based.</summary>
    public sealed class ShareFileScopingClause
    {
        public int FilterIndex { get; set; }

        public int ClauseIndex { get; set; }

        public string FilterTitle { get; set; }

        public string Attribute { get; set; }

        public string Operator { get; set; }

        public string Value { get; set; }

        public override string ToString() => $"filter {FilterIndex}, clause {ClauseIndex}: {Attribute} {Operator} {Value}";
    }
}
