using System.IO;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// One ShareFile account's provisioning setup on disk: &lt;root&gt;/profiles/&lt;name&gt;/ holding configuration.json,
    /// state/ and logs/. <see cref="ConfigurationPath"/> may point elsewhere (-ConfigurationPath for runbooks).
    /// </summary>
    public sealed class ProvisioningProfile
    {
        public const string ConfigurationFileName = "configuration.json";

        public ProvisioningProfile(string name, string directory, string configurationPath = null)
        {
            Name = name;
            Directory = Path.GetFullPath(directory);
            ConfigurationPath = Path.GetFullPath(configurationPath ?? Path.Combine(Directory, ConfigurationFileName));
        }

        public string Name { get; }

        public string Directory { get; }

        public string ConfigurationPath { get; }

        public string StateDirectory => Path.Combine(Directory, "state");

        public string LogDirectory => Path.Combine(Directory, "logs");

        /// <summary>True when the configuration file exists (otherwise the defaults apply).</summary>
        public bool HasConfiguration => File.Exists(ConfigurationPath);

        public override string ToString() => $"{Name} ({Directory})";
    }
}
