namespace ShareFileProvisioning.Engine.Mapping
{
    /// <summary>
    /// A source object (Entra user, CSV row) seen as a bag of attributes, as the expression evaluator and scoping
    /// filters read it. Attribute names are matched case-insensitively, as in Entra.
    /// </summary>
    /// <remarks>
    /// A value is <c>null</c> (absent), <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>,
    /// <see cref="System.DateTimeOffset"/> or a multi-valued <see cref="System.Collections.Generic.IReadOnlyList{T}"/>
    /// of strings. The computed <c>IsSoftDeleted</c> attribute is always available.
    /// </remarks>
    public interface ISourceAttributes
    {
        /// <summary>Looks an attribute up by name (case-insensitive); false when it is absent (= null).</summary>
        bool TryGetValue(string attributeName, out object value);
    }
}
