namespace ShareFileProvisioning
{
    /// <summary>What Test-ShareFileAttributeMapping computed for one user.</summary>
    public sealed class AttributeMappingTestResult
    {
        public string Expression { get; set; }

        /// <summary>string, bool, long, DateTimeOffset or string[]; "[Redact]" when the expression uses Redact.</summary>
        public object Value { get; set; }

        public bool IsNull { get; set; }

        /// <summary>IgnoreFlowIfNullOrEmpty fired: the attribute would be left out of the create/update.</summary>
        public bool FlowIgnored { get; set; }

        public string[] ReferencedAttributes { get; set; }

        public override string ToString() => FlowIgnored ? "(flow ignored)" : IsNull ? "null" : System.Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
