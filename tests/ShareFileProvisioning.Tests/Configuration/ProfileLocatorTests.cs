using System.Collections.Generic;
using System.IO;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Tests.Configuration
{
    public class ProfileLocatorTests
    {
        private static Func<string, string> Env(Dictionary<string, string> values) => name => values.TryGetValue(name, out var v) ? v : null;

        [Fact]
        public void The_home_variable_overrides_every_platform_default()
        {
            var env = Env(new Dictionary<string, string> { ["SHAREFILEPROVISIONING_HOME"] = "/srv/sfp", ["APPDATA"] = @"C:\Users\a\AppData\Roaming", ["XDG_CONFIG_HOME"] = "/x" });
            Assert.Equal("/srv/sfp", ProfileLocator.ResolveRoot(env, isWindows: true));
            Assert.Equal("/srv/sfp", ProfileLocator.ResolveRoot(env, isWindows: false));
        }

        [Fact]
        public void Windows_uses_APPDATA_and_elsewhere_XDG_CONFIG_HOME_then_dot_config()
        {
            Assert.Equal(Path.Combine("/appdata", "ShareFileProvisioning"), ProfileLocator.ResolveRoot(Env(new Dictionary<string, string> { ["APPDATA"] = "/appdata" }), true));
            Assert.Equal(Path.Combine("/xdg", "ShareFileProvisioning"), ProfileLocator.ResolveRoot(Env(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "/xdg", ["HOME"] = "/home/a" }), false));
            Assert.Equal(Path.Combine("/home/a", ".config", "ShareFileProvisioning"), ProfileLocator.ResolveRoot(Env(new Dictionary<string, string> { ["HOME"] = "/home/a" }), false));
        }

        [Fact]
        public void A_profile_has_its_folder_configuration_state_and_logs_under_the_root()
        {
            using (var dir = new TempDirectory())
            {
                var profile = new ProfileLocator(dir.Path).Get("acme");

                Assert.Equal(dir.Combine("profiles", "acme"), profile.Directory);
                Assert.Equal(dir.Combine("profiles", "acme", "configuration.json"), profile.ConfigurationPath);
                Assert.Equal(dir.Combine("profiles", "acme", "state"), profile.StateDirectory);
                Assert.Equal(dir.Combine("profiles", "acme", "logs"), profile.LogDirectory);
                Assert.False(profile.HasConfiguration);
            }
        }

        [Fact]
        public void An_explicit_configuration_path_wins_over_the_profile_folder()
        {
            using (var dir = new TempDirectory())
            {
                var profile = new ProfileLocator(dir.Path).Get("acme", dir.Combine("runbook.json"));
                Assert.Equal(dir.Combine("runbook.json"), profile.ConfigurationPath);
                Assert.Equal(dir.Combine("profiles", "acme", "state"), profile.StateDirectory);
            }
        }

        [Theory]
        [InlineData("../etc")]
        [InlineData("a/b")]
        [InlineData("")]
        [InlineData(".hidden")]
        public void Unsafe_profile_names_are_rejected_naming_the_name(string name)
        {
            var e = Assert.Throws<ArgumentException>(() => new ProfileLocator("/tmp").Get(name));
            Assert.Contains("'" + name + "'", e.Message);
        }

        [Fact]
        public void The_default_name_is_the_connected_subdomain_else_default_and_profiles_are_listed()
        {
            Assert.Equal("acme", ProfileLocator.DefaultName("Acme"));
            Assert.Equal("default", ProfileLocator.DefaultName(null));
            using (var dir = new TempDirectory())
            {
                var locator = new ProfileLocator(dir.Path);
                Directory.CreateDirectory(locator.Get("zeta").Directory);
                Directory.CreateDirectory(locator.Get("acme").Directory);
                Assert.Equal(new[] { "acme", "zeta" }, locator.ListNames());
            }
        }
    }
}
