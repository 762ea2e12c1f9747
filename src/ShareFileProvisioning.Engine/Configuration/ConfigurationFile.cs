using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// Reads and writes configuration.json. Every load and every save validates; a save that fails validation
    /// writes nothing, and a save that succeeds replaces the file atomically.
    /// </summary>
    public static class ConfigurationFile
    {
        /// <summary>Loads and validates a configuration file.</summary>
        /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
        /// <exception cref="ConfigurationValidationException">Bad JSON or invalid content; names the fields.</exception>
        public static async Task<ProvisioningConfiguration> LoadAsync(string path, CancellationToken cancellationToken)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"No provisioning configuration at '{path}'.", path);
            string json;
            using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous)))
            {
                json = await reader.ReadToEndAsync().ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            return Parse(json, path);
        }

        /// <summary>Loads the file, or returns the defaults when there is none yet (a new profile).</summary>
        public static async Task<ProvisioningConfiguration> LoadOrDefaultAsync(string path, CancellationToken cancellationToken) =>
            File.Exists(path) ? await LoadAsync(path, cancellationToken).ConfigureAwait(false) : ProvisioningConfiguration.CreateDefault();

        /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in errors.</summary>
        public static ProvisioningConfiguration Parse(string json, string source = null)
        {
            var config = ConfigurationJson.Deserialize(json, source);
            ConfigurationValidator.ThrowIfInvalid(config, source);
            return config;
        }

        /// <summary>Validates, then writes atomically. Invalid → nothing written.</summary>
        /// <exception cref="ConfigurationValidationException">Names the fields.</exception>
        public static Task SaveAsync(ProvisioningConfiguration config, string path, CancellationToken cancellationToken)
        {
            ConfigurationValidator.ThrowIfInvalid(config, path);
            return AtomicFile.WriteAllTextAsync(path, ToJson(config), cancellationToken);
        }

        /// <summary>The readable JSON form (indented, camelCase, enums as names).</summary>
        public static string ToJson(ProvisioningConfiguration config) => ConfigurationJson.Serialize(config);

        /// <summary>Stable hash of the normalized configuration ("sha256:…"); formatting of the file does not matter.</summary>
        public static string Fingerprint(ProvisioningConfiguration config) => ConfigurationFingerprint.Compute(config);
    }
}
