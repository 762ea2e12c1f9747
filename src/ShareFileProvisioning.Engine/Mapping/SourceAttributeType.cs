namespace ShareFileProvisioning.Engine.Mapping
{
    /// <summary>The type of a source attribute as far as expressions and scoping filters care.</summary>
    public enum SourceAttributeType
    {
        String,
        Boolean,
        Integer,
        DateTime,
        /// <summary>Multi-valued string (e.g. proxyAddresses); not allowed in scoping filters.</summary>
        MultiValuedString,
        /// <summary>A reference to another object (e.g. manager); not allowed in scoping filters.</summary>
        Reference,
    }
}
