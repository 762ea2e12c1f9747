using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Tests.Configuration
{
    public class ConfigurationFileTests : IDisposable
    {
        private readonly TempDirectory _dir = new TempDirectory();

        public void Dispose() => _dir.Dispose();

        [Fact]
        public async Task A_saved_configuration_loads_back_equal_and_reads_as_camelCase_JSON_with_enum_names()
        {
            var path = _dir.Combine("profiles", "acme", "configuration.json");
            var config = ProvisioningConfiguration.CreateDefault();
            config.Deprovisioning.Action = DeprovisioningAction.DowngradeToClient;
            config.DeletionThreshold.Percent = 12.5;
            config.ScopingFilters.Filters.Add(new ScopingFilter(new ScopingClause("department", "EQUALS", "Sales")) { Title = "Sales" });
            config.Notifications.Recipients.Add("ops@contoso.com");

            await ConfigurationFile.SaveAsync(config, path, CancellationToken.None);
            var loaded = await ConfigurationFile.LoadAsync(path, CancellationToken.None);

            Assert.Equal(ConfigurationFile.ToJson(config), ConfigurationFile.ToJson(loaded));
            var text = File.ReadAllText(path);
            Assert.Contains("\"userMappings\": [", text);
            Assert.Contains("\"action\": \"DowngradeToClient\"", text);
            Assert.Contains("\"apply\": \"Always\"", text);
            Assert.Contains("\"operator\": \"EQUALS\"", text);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path), "*.tmp"));
        }

        [Fact]
        public async Task A_failing_validation_leaves_the_old_file_byte_identical()
        {
            var path = _dir.Combine("configuration.json");
            await ConfigurationFile.SaveAsync(ProvisioningConfiguration.CreateDefault(), path, CancellationToken.None);
            var before = File.ReadAllBytes(path);
            var broken = ProvisioningConfiguration.CreateDefault();
            broken.Deprovisioning.Action = DeprovisioningAction.Delete;

            var e = await Assert.ThrowsAsync<ConfigurationValidationException>(() => ConfigurationFile.SaveAsync(broken, path, CancellationToken.None));

            Assert.Equal("deprovisioning.reassignToUser", Assert.Single(e.Errors).Field);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(_dir.Path));
        }

        [Fact]
        public void An_unknown_field_is_an_error_naming_its_path()
        {
            var json = ConfigurationFile.ToJson(ProvisioningConfiguration.CreateDefault()).Replace("\"gracePeriodDays\"", "\"gracePeriodDayz\"");

            var e = Assert.Throws<ConfigurationValidationException>(() => ConfigurationFile.Parse(json, "x.json"));

            var error = Assert.Single(e.Errors);
            Assert.Equal("deprovisioning.gracePeriodDayz", error.Field);
            Assert.StartsWith("unknown setting", error.Problem);
        }

        [Fact]
        public void A_bad_enum_value_names_its_path()
        {
            var json = ConfigurationFile.ToJson(ProvisioningConfiguration.CreateDefault()).Replace("\"action\": \"Disable\"", "\"action\": \"Vaporize\"");

            var e = Assert.Throws<ConfigurationValidationException>(() => ConfigurationFile.Parse(json, "x.json"));

            Assert.Equal("deprovisioning.action", Assert.Single(e.Errors).Field);
        }

        [Fact]
        public void Invalid_content_is_rejected_on_load_too()
        {
            var json = ConfigurationFile.ToJson(ProvisioningConfiguration.CreateDefault()).Replace("\"sourceAttribute\": \"surname\"", "\"sourceAttribute\": \"surnam\"");

            var e = Assert.Throws<ConfigurationValidationException>(() => ConfigurationFile.Parse(json, "x.json"));

            Assert.Equal("userMappings[3].sourceAttribute", Assert.Single(e.Errors).Field);
        }

        [Fact]
        public void Syntax_errors_and_empty_files_are_reported_not_thrown_raw()
        {
            Assert.Equal("$", Assert.Single(Assert.Throws<ConfigurationValidationException>(() => ConfigurationFile.Parse("  ", "x")).Errors).Field);
            var e = Assert.Throws<ConfigurationValidationException>(() => ConfigurationFile.Parse("{ \"schemaVersion\": 1, \"userMappings\": [ { \"target\": ", "x"));
            Assert.Contains("line", Assert.Single(e.Errors).Problem);
        }

        [Fact]
        public void Left_out_sections_take_their_defaults()
        {
            var json = "{ \"userMappings\": [ { \"target\": \"Email\", \"type\": \"Direct\", \"sourceAttribute\": \"userPrincipalName\", \"matchingPrecedence\": 1 } ] }";

            var config = ConfigurationFile.Parse(json);

            Assert.Equal(DeprovisioningAction.Disable, config.Deprovisioning.Action);
            Assert.Equal(500, config.DeletionThreshold.Count);
            Assert.Equal(UserKind.Employee, config.UserType.Default);
            Assert.Equal(40, config.Quarantine.FailureRatePercent);
            Assert.Empty(config.ScopingFilters.Filters);
        }

        [Fact]
        public async Task A_missing_file_loads_as_the_defaults_only_through_LoadOrDefault()
        {
            var path = _dir.Combine("none.json");
            await Assert.ThrowsAsync<FileNotFoundException>(() => ConfigurationFile.LoadAsync(path, CancellationToken.None));
            var config = await ConfigurationFile.LoadOrDefaultAsync(path, CancellationToken.None);
            Assert.Equal(ConfigurationFingerprint.Compute(ProvisioningConfiguration.CreateDefault()), ConfigurationFingerprint.Compute(config));
        }

        [Fact]
        public void The_fingerprint_ignores_formatting_and_mapping_order_and_changes_with_any_setting()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            var reformatted = ConfigurationFile.Parse(ConfigurationFile.ToJson(config).Replace("\n", "\n    ").Replace(": ", ":   "));

            Assert.Equal(ConfigurationFingerprint.Compute(config), ConfigurationFingerprint.Compute(reformatted));
            Assert.StartsWith("sha256:", ConfigurationFingerprint.Compute(config));

            reformatted.DeletionThreshold.Count = 501;
            Assert.NotEqual(ConfigurationFingerprint.Compute(config), ConfigurationFingerprint.Compute(reformatted));
            var reordered = ProvisioningConfiguration.CreateDefault();
            reordered.UserMappings.Reverse();
            Assert.Equal(ConfigurationFingerprint.Compute(config), ConfigurationFingerprint.Compute(reordered));
        }

        [Fact]
        public void Clone_is_deep()
        {
            var config = ProvisioningConfiguration.CreateDefault();
            var copy = config.Clone();
            copy.UserMappings[0].SourceAttribute = "mail";
            copy.Notifications.Recipients.Add("a@b.co");
            Assert.Equal("userPrincipalName", config.UserMappings[0].SourceAttribute);
            Assert.Empty(config.Notifications.Recipients);
            Assert.Equal(ProvisioningConfiguration.CreateDefault().UserMappings.Count, config.UserMappings.Count);
        }
    }
}
