using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Tests.Configuration
{
    public class ConfigurationValidationTests
    {
        [Fact]
        public void The_defaults_are_valid()
        {
            Assert.Empty(ConfigurationValidator.Validate(ProvisioningConfiguration.CreateDefault()));
        }

        public static IEnumerable<object[]> BrokenConfigurations()
        {
            object[] Case(string field, string problemFragment, Action<ProvisioningConfiguration> breakIt) => new object[] { field, problemFragment, breakIt };

            yield return Case("userMappings[5].expression", "Unknown attribute [IsSoftDeletd]", c => c.UserMappings[5].Expression = "Not([IsSoftDeletd])");
            yield return Case("userMappings[5].expression", "position", c => c.UserMappings[5].Expression = "Not([IsSoftDeleted]");
            yield return Case("userMappings[2].sourceAttribute", "'givenNam' is not a known source attribute", c => c.UserMappings[2].SourceAttribute = "givenNam");
            yield return Case("userMappings[2].sourceAttribute", "is required", c => c.UserMappings[2].SourceAttribute = null);
            yield return Case("userMappings[2].constant", "not used by a Direct mapping", c => c.UserMappings[2].Constant = "x");
            yield return Case("userMappings[6].constant", "True or False", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.CanCreateFolders, Type = MappingType.Constant, Constant = "yes" }));
            yield return Case("userMappings[6].constant", "whole number", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.StorageQuotaLimitGB, Type = MappingType.Constant, Constant = "ten" }));
            yield return Case("userMappings[6].constant", "\"Employee\" or \"Client\"", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.UserType, Type = MappingType.Constant, Constant = "Guest" }));
            yield return Case("userMappings[6].defaultValue", "True or False", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.CanUseFileBox, Type = MappingType.Direct, SourceAttribute = "department", DefaultValue = "maybe" }));
            yield return Case("userMappings[6].target", "already written by userMappings[2]", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.FirstName, Type = MappingType.Direct, SourceAttribute = "displayName" }));
            yield return Case("userMappings[1].matchingPrecedence", "already used by userMappings[0]", c => c.UserMappings[1].MatchingPrecedence = 1);
            yield return Case("userMappings[2].matchingPrecedence", "only possible on Email", c => c.UserMappings[2].MatchingPrecedence = 3);
            yield return Case("userMappings[1].lookupOnly", "matching precedence of 1 or more", c => c.UserMappings[1].MatchingPrecedence = 0);
            yield return Case("userMappings", "no mapping has a matching precedence", c =>
            {
                c.UserMappings[0].MatchingPrecedence = 0;
                c.UserMappings.RemoveAt(1);
            });
            yield return Case("userMappings", "no mapping writes Email", c => c.UserMappings.RemoveAt(0));
            yield return Case("userMappings[6].apply", "OnCreateOnly", c => c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.DefaultZone, Type = MappingType.Expression, Expression = "Guid()" }) );
            yield return Case("userType.expression", "Unknown attribute", c => c.UserType.Expression = "IIF([dept]=\"x\",\"Client\",\"Employee\")");
            yield return Case("userType.expression", "not both", c =>
            {
                c.UserType.Expression = "\"Client\"";
                c.UserType.ClientGroups.Add("Partners");
            });
            yield return Case("userType.clientGroups[0]", "also an employee group", c =>
            {
                c.UserType.EmployeeGroups.Add("Staff");
                c.UserType.ClientGroups.Add("staff");
            });
            yield return Case("userMappings[6].target", "also set by the userType section", c =>
            {
                c.UserType.ClientGroups.Add("Partners");
                c.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.UserType, Type = MappingType.Constant, Constant = "Client" });
            });
            yield return Case("scopingFilters.filters[1].clauses[0]", "department", c =>
            {
                c.ScopingFilters.Filters.Add(new ScopingFilter(new ScopingClause("department", "EQUALS", "Sales")));
                c.ScopingFilters.Filters.Add(new ScopingFilter(new ScopingClause("department", "BOGUS", "x")));
            });
            yield return Case("scopingFilters.filters[0]", "no clauses", c => c.ScopingFilters.Filters.Add(new ScopingFilter()));
            yield return Case("deprovisioning.reassignToUser", "required when the action is Delete", c => c.Deprovisioning.Action = DeprovisioningAction.Delete);
            yield return Case("deprovisioning.reassignToUser", "email or id", c => c.Deprovisioning.ReassignToUser = "not an email@");
            yield return Case("deprovisioning.gracePeriodDays", "0 or more", c => c.Deprovisioning.GracePeriodDays = -1);
            yield return Case("deletionThreshold.count", "0 or more", c => c.DeletionThreshold.Count = -5);
            yield return Case("deletionThreshold.percent", "at most 100", c => c.DeletionThreshold.Percent = 120);
            yield return Case("deletionThreshold.percent", "more than 0", c => c.DeletionThreshold.Percent = 0);
            yield return Case("groupProvisioning.mappings[0].sourceAttribute", "must be one of", c => c.GroupProvisioning.Mappings[0].SourceAttribute = "nope");
            yield return Case("groupProvisioning.mappings", "nothing maps Name", c =>
            {
                c.GroupProvisioning.Enabled = true;
                c.GroupProvisioning.Mappings.Clear();
            });
            yield return Case("notifications.recipients[1]", "'bob' is not an email address", c => c.Notifications.Recipients.AddRange(new[] { "ops@contoso.com", "bob" }));
            yield return Case("notifications.recipients[1]", "listed twice", c => c.Notifications.Recipients.AddRange(new[] { "ops@contoso.com", "OPS@contoso.com" }));
            yield return Case("notifications.smtp.port", "between 1 and 65535", c => c.Notifications.Smtp = new SmtpSettings { Host = "smtp.contoso.com", Port = 0, From = "sf@contoso.com" });
            yield return Case("notifications.smtp.from", "sender's email", c => c.Notifications.Smtp = new SmtpSettings { Host = "smtp.contoso.com" });
            yield return Case("notifications.graphSender", "mailbox", c => c.Notifications.GraphSender = "mailbox");
            yield return Case("quarantine.failureRatePercent", "at most 100", c => c.Quarantine.FailureRatePercent = 101);
            yield return Case("quarantine.minimumActions", "1 or more", c => c.Quarantine.MinimumActions = 0);
            yield return Case("logRetention.days", "0 (no age limit) or more", c => c.LogRetention.Days = -1);
            yield return Case("logRetention.cycles", "0 (no count limit) or more", c => c.LogRetention.Cycles = -5);
            yield return Case("sourceAttributes[0].name", "not an attribute name", c => c.SourceAttributes.Add(new SourceAttributeDefinition("bad name")));
            yield return Case("schemaVersion", "newer than this module", c => c.SchemaVersion = 99);
        }

        [Theory]
        [MemberData(nameof(BrokenConfigurations))]
        public void Each_error_names_the_field_and_the_problem(string field, string problemFragment, Action<ProvisioningConfiguration> breakIt)
        {
            var config = ProvisioningConfiguration.CreateDefault();
            breakIt(config);

            var errors = ConfigurationValidator.Validate(config);

            var error = Assert.Single(errors, e => e.Field == field);
            Assert.Contains(problemFragment, error.Problem, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void Every_problem_is_reported_at_once_and_the_exception_carries_them()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings[2].SourceAttribute = "nope";
            config.Quarantine.MinimumActions = 0;
            config.Notifications.Recipients.Add("x");

            var e = Assert.Throws<ConfigurationValidationException>(() => ConfigurationValidator.ThrowIfInvalid(config, "test"));

            Assert.Equal(new[] { "userMappings[2].sourceAttribute", "notifications.recipients[0]", "quarantine.minimumActions" }, e.Errors.Select(x => x.Field).ToArray());
            Assert.Contains("userMappings[2].sourceAttribute", e.Message);
            Assert.Contains("3 errors", e.Message);
        }

        [Fact]
        public void Configured_extension_attributes_become_known_to_mappings_and_filters()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.DefaultZone, Type = MappingType.Direct, SourceAttribute = "extension_abc_zone" });
            config.ScopingFilters.Filters.Add(new ScopingFilter(new ScopingClause("extension_abc_zone", "IS NOT NULL")));
            Assert.Equal(2, ConfigurationValidator.Validate(config).Count);

            config.SourceAttributes.Add(new SourceAttributeDefinition("extension_abc_zone", SourceAttributeType.String));

            Assert.Empty(ConfigurationValidator.Validate(config));
        }

        [Fact]
        public void Delete_with_a_reassign_to_user_and_a_percent_threshold_are_valid()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.Deprovisioning.Action = DeprovisioningAction.Delete;
            config.Deprovisioning.ReassignToUser = "archive@contoso.com";
            config.Deprovisioning.GracePeriodDays = 30;
            config.DeletionThreshold.Percent = 10;
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.StorageQuotaLimitGB, Type = MappingType.Constant, Constant = "50" });

            Assert.Empty(ConfigurationValidator.Validate(config));
        }
    }
}
