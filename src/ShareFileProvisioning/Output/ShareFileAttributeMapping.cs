namespace ShareFileProvisioning
{
    /// <summary>One user attribute mapping row.</summary>
    public sealed class ShareFileAttributeMapping
    {
        public string TargetAttribute { get; set; }

        /// <summary>Direct, Constant or Expression.</summary>
        public string MappingType { get; set; }

        /// <summary>"[attribute]", "\"constant\"" or the expression.</summary>
        public string Source { get; set; }

        public string SourceAttribute { get; set; }

        public string Constant { get; set; }

        public string Expression { get; set; }

        public string DefaultValue { get; set; }

        /// <summary>Always or OnCreateOnly.</summary>
        public string Apply { get; set; }

        /// <summary>0 = not used for matching.</summary>
        public int MatchingPrecedence { get; set; }

        public bool LookupOnly { get; set; }

        public override string ToString() => $"{Source} -> {TargetAttribute}";
    }
}
