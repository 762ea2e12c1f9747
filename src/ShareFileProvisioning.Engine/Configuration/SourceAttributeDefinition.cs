using ShareFileProvisioning.Engine.Mapping;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>An extra source attribute (e.g. a directory extension) the admin wants readable in mappings and filters.</summary>
    public sealed class SourceAttributeDefinition
    {
        public SourceAttributeDefinition()
        {
        }

        public SourceAttributeDefinition(string name, SourceAttributeType type = SourceAttributeType.String)
        {
            Name = name;
            Type = type;
        }

        public string Name { get; set; }

        public SourceAttributeType Type { get; set; } = SourceAttributeType.String;
    }
}
