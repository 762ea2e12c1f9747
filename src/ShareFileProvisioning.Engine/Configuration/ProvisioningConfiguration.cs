using System.Collections.Generic;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// The provisioning setup of one ShareFile account , as stored in configuration.json. A plain mutable
    /// model: <see cref="ConfigurationValidator"/> checks it, <see cref="ConfigurationFile"/> reads and writes it,
    /// <see cref="MappingSet.Compile"/> turns it into evaluators.
    /// </summary>
    public sealed class ProvisioningConfiguration
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        /// <summary>Extra source attributes (directory extensions) readable in mappings and scoping filters.</summary>
        public List<SourceAttributeDefinition> SourceAttributes { get; set; } = new List<SourceAttributeDefinition>();

        public List<AttributeMapping> UserMappings { get; set; } = new List<AttributeMapping>();

        public UserTypeSettings UserType { get; set; } = new UserTypeSettings();

        public ScopingFilterSet ScopingFilters { get; set; } = new ScopingFilterSet();

        public DeprovisioningSettings Deprovisioning { get; set; } = new DeprovisioningSettings();

        public DeletionThresholdSettings DeletionThreshold { get; set; } = new DeletionThresholdSettings();

        public GroupProvisioningSettings GroupProvisioning { get; set; } = new GroupProvisioningSettings();

        public NotificationSettings Notifications { get; set; } = new NotificationSettings();

        public QuarantineSettings Quarantine { get; set; } = new QuarantineSettings();

        /// <summary>How long provisioning logs are kept (days and/or cycles), applied at the end of each cycle.</summary>
        public Logging.LogRetentionSettings LogRetention { get; set; } = new Logging.LogRetentionSettings();

        /// <summary>The Entra default user schema plus <see cref="SourceAttributes"/> (invalid entries skipped).</summary>
        public SourceAttributeSchema BuildSourceSchema()
        {
            var schema = SourceAttributeSchema.CreateEntraUserDefault();
            if (SourceAttributes == null) return schema;
            foreach (var extra in SourceAttributes)
            {
                if (extra != null && !string.IsNullOrWhiteSpace(extra.Name)) schema.Add(extra.Name, extra.Type);
            }
            return schema;
        }

        /// <summary>A deep copy (through the JSON form), for edit-validate-save without touching the original.</summary>
        public ProvisioningConfiguration Clone() => ConfigurationJson.Deserialize(ConfigurationJson.Serialize(this), "clone");

        /// <summary>Replaces sections and lists a file left out (or set to null) with their defaults.</summary>
        internal ProvisioningConfiguration Normalize()
        {
            SourceAttributes = SourceAttributes ?? new List<SourceAttributeDefinition>();
            UserMappings = UserMappings ?? new List<AttributeMapping>();
            UserType = UserType ?? new UserTypeSettings();
            UserType.ClientGroups = UserType.ClientGroups ?? new List<string>();
            UserType.EmployeeGroups = UserType.EmployeeGroups ?? new List<string>();
            ScopingFilters = ScopingFilters ?? new ScopingFilterSet();
            ScopingFilters.Filters = ScopingFilters.Filters ?? new List<ScopingFilter>();
            Deprovisioning = Deprovisioning ?? new DeprovisioningSettings();
            DeletionThreshold = DeletionThreshold ?? new DeletionThresholdSettings();
            GroupProvisioning = GroupProvisioning ?? new GroupProvisioningSettings();
            GroupProvisioning.Mappings = GroupProvisioning.Mappings ?? new List<GroupAttributeMapping>();
            Notifications = Notifications ?? new NotificationSettings();
            Notifications.Recipients = Notifications.Recipients ?? new List<string>();
            Quarantine = Quarantine ?? new QuarantineSettings();
            return this;
        }

        /// <summary>Our defaults (docs/entra-provisioning.md, 'Our default mapping'): UPN → Email (matching 1), mail → Email (matching 2, lookup only),
        /// givenName, surname, companyName, Not([IsSoftDeleted]) → Enabled; Disable on leaving scope; threshold 500.</summary>
        public static ProvisioningConfiguration CreateDefault()
        {
            var config = new ProvisioningConfiguration();
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.Email, Type = MappingType.Direct,
                SourceAttribute = "userPrincipalName", MatchingPrecedence = 1 });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.Email, Type = MappingType.Direct, SourceAttribute = "mail",
                MatchingPrecedence = 2, LookupOnly = true });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.FirstName, Type = MappingType.Direct, SourceAttribute = "givenName" });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.LastName, Type = MappingType.Direct, SourceAttribute = "surname" });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.Company, Type = MappingType.Direct, SourceAttribute = "companyName" });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.Enabled, Type = MappingType.Expression,
                Expression = "Not([IsSoftDeleted])" });
            config.GroupProvisioning.Mappings.Add(new GroupAttributeMapping());
            return config;
        }
    }
}
