using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Tests.Configuration
{
    public class MappingSetTests
    {
        private static SourceObject Ada(bool softDeleted = false) => new SourceObject
        {
            IsSoftDeleted = softDeleted,
        }.Set("userPrincipalName", "ada@contoso.com").Set("mail", "ada.lovelace@contoso.com").Set("givenName", "Ada").Set("surname", "Lovelace");

        private static Dictionary<TargetAttribute, MappedValue> Evaluate(MappingSet set, ISourceAttributes user, bool isCreate) =>
            set.Evaluate(user, isCreate).ToDictionary(v => v.Target);

        [Fact]
        public void The_default_mappings_produce_the_ShareFile_attributes_of_a_user()
        {
            var set = MappingSet.Compile(ProvisioningConfiguration.CreateDefault());

            var values = Evaluate(set, Ada(), isCreate: true);

            Assert.Equal("ada@contoso.com", values[TargetAttribute.Email].Value);
            Assert.Equal("Ada", values[TargetAttribute.FirstName].Value);
            Assert.Equal("Lovelace", values[TargetAttribute.LastName].Value);
            Assert.True(values[TargetAttribute.Company].IsNull);
            Assert.False(values[TargetAttribute.Company].ShouldWrite);
            Assert.Equal(true, values[TargetAttribute.Enabled].Value);
            Assert.Equal(false, Evaluate(set, Ada(softDeleted: true), false)[TargetAttribute.Enabled].Value);
        }

        [Fact]
        public void Matching_runs_in_precedence_order_and_the_lookup_only_mapping_is_never_written()
        {
            var set = MappingSet.Compile(ProvisioningConfiguration.CreateDefault());

            Assert.Equal(new[] { "[userPrincipalName]", "[mail]" }, set.Matching.Select(m => m.Source).ToArray());
            Assert.Equal(new[] { "ada@contoso.com", "ada.lovelace@contoso.com" }, set.Matching.Select(m => m.EvaluateForMatching(Ada())).ToArray());
            Assert.Single(set.Written, m => m.Target == TargetAttribute.Email);
            Assert.True(set.TryGetMapping(TargetAttribute.Email, out var email));
            Assert.Equal("[userPrincipalName]", email.Source);
        }

        [Fact]
        public void Defaults_apply_on_create_only_and_OnCreateOnly_mappings_are_left_out_of_updates()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings[4].DefaultValue = "Contoso";
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.StorageQuotaLimitGB, Type = MappingType.Constant, Constant = "25", Apply = MappingApply.OnCreateOnly });
            var set = MappingSet.Compile(config);

            var created = Evaluate(set, Ada(), isCreate: true);
            var updated = Evaluate(set, Ada(), isCreate: false);

            Assert.Equal("Contoso", created[TargetAttribute.Company].Value);
            Assert.Equal(MappedValueSource.Default, created[TargetAttribute.Company].Source);
            Assert.True(updated[TargetAttribute.Company].IsNull);
            Assert.Equal(25L, created[TargetAttribute.StorageQuotaLimitGB].Value);
            Assert.Equal(MappedValueSource.NotApplied, updated[TargetAttribute.StorageQuotaLimitGB].Source);
            Assert.False(updated[TargetAttribute.StorageQuotaLimitGB].ShouldWrite);
        }

        [Fact]
        public void Expression_results_are_typed_for_the_target_and_IgnoreFlow_drops_the_attribute()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.CanCreateFolders, Type = MappingType.Expression, Expression = "IIF([department]=\"IT\",\"True\",\"False\")" });
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.DefaultZone, Type = MappingType.Expression, Expression = "IgnoreFlowIfNullOrEmpty([officeLocation])" });
            var set = MappingSet.Compile(config);

            var values = Evaluate(set, Ada().Set("department", "IT"), isCreate: false);

            Assert.Equal(true, values[TargetAttribute.CanCreateFolders].Value);
            Assert.Equal(MappedValueSource.FlowIgnored, values[TargetAttribute.DefaultZone].Source);
            Assert.False(values[TargetAttribute.DefaultZone].ShouldWrite);
        }

        [Fact]
        public void A_value_the_target_cannot_take_fails_for_that_user_naming_the_mapping_not_the_value()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings.Add(new AttributeMapping { Target = TargetAttribute.StorageQuotaLimitGB, Type = MappingType.Direct, SourceAttribute = "employeeId" });
            var set = MappingSet.Compile(config);

            var e = Assert.Throws<MappingEvaluationException>(() => set.Evaluate(Ada().Set("employeeId", "secret-abc"), true));

            Assert.Equal(TargetAttribute.StorageQuotaLimitGB, e.Target);
            Assert.Contains("[employeeId]", e.Message);
            Assert.DoesNotContain("secret-abc", e.Message);
        }

        [Fact]
        public void Compile_rejects_an_invalid_configuration()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserMappings[5].Expression = "Nope([x])";
            var e = Assert.Throws<ConfigurationValidationException>(() => MappingSet.Compile(config));
            Assert.Equal("userMappings[5].expression", e.Errors[0].Field);
        }

        [Fact]
        public void The_compiled_set_is_isolated_from_later_edits_and_carries_the_fingerprint()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            var set = MappingSet.Compile(config);
            config.UserMappings[2].SourceAttribute = "displayName";

            Assert.Equal("Ada", Evaluate(set, Ada().Set("displayName", "Countess"), true)[TargetAttribute.FirstName].Value);
            Assert.Equal(ConfigurationFingerprint.Compute(ProvisioningConfiguration.CreateDefault()), set.Fingerprint);
        }

        [Fact]
        public void User_type_follows_groups_with_employee_groups_winning_else_the_default()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserType.ClientGroups.Add("Partners");
            config.UserType.EmployeeGroups.Add("00000000-0000-0000-0000-0000000000e1");
            var rule = MappingSet.Compile(config).UserType;

            Assert.True(rule.NeedsGroupMembership);
            Assert.Equal(UserKind.Client, rule.Resolve(Ada(), new[] { "partners" }));
            Assert.Equal(UserKind.Employee, rule.Resolve(Ada(), new[] { "Partners", "00000000-0000-0000-0000-0000000000E1" }));
            Assert.Equal(UserKind.Employee, rule.Resolve(Ada(), new string[0]));
        }

        [Fact]
        public void User_type_by_expression_falls_back_to_the_default_on_null_and_rejects_other_values()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.UserType.Default = UserKind.Client;
            config.UserType.Expression = "Switch([employeeType], \"\", \"Staff\", \"Employee\", \"Partner\", \"Client\", \"Odd\", \"Guest\")";
            var rule = MappingSet.Compile(config).UserType;

            Assert.Equal(UserTypeRuleKind.Expression, rule.Kind);
            Assert.Equal(UserKind.Employee, rule.Resolve(Ada().Set("employeeType", "Staff")));
            Assert.Equal(UserKind.Client, rule.Resolve(Ada()));
            Assert.Throws<MappingEvaluationException>(() => rule.Resolve(Ada().Set("employeeType", "Odd")));
        }

        [Fact]
        public void Scoping_filters_and_referenced_attributes_are_compiled_with_the_set()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            config.ScopingFilters.Filters.Add(new ScopingFilter(new ScopingClause("department", "EQUALS", "Sales")));
            var set = MappingSet.Compile(config);

            Assert.True(set.Scoping.Evaluate(Ada().Set("department", "Sales")).IsInScope);
            Assert.False(set.Scoping.Evaluate(Ada()).IsInScope);
            Assert.True(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "userPrincipalName", "mail", "givenName", "surname", "companyName", "department" }
                .SetEquals(set.ReferencedAttributes));
            Assert.DoesNotContain("IsSoftDeleted", set.ReferencedAttributes);
        }
    }
}
