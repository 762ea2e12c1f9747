using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// Where profiles live. Root: $SHAREFILEPROVISIONING_HOME if set; else %APPDATA%\ShareFileProvisioning on Windows,
    /// $XDG_CONFIG_HOME/ShareFileProvisioning or ~/.config/ShareFileProvisioning elsewhere. Profiles are
    /// &lt;root&gt;/profiles/&lt;name&gt;. Default profile name: the connected ShareFile subdomain, else "default".
    /// </summary>
    public sealed class ProfileLocator
    {
        public const string HomeVariable = "SHAREFILEPROVISIONING_HOME";
        public const string DefaultProfileName = "default";
        private static readonly Regex ValidName = new Regex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);

        public ProfileLocator(string rootDirectory)
        {
            if (string.IsNullOrWhiteSpace(rootDirectory)) throw new ArgumentException("The configuration root must not be empty.", nameof(rootDirectory));
            RootDirectory = Path.GetFullPath(rootDirectory);
        }

        /// <summary>The configuration root for this user (see the class summary).</summary>
        public string RootDirectory { get; }

        public string ProfilesDirectory => Path.Combine(RootDirectory, "profiles");

        /// <summary>The locator for this user and environment.</summary>
        public static ProfileLocator ForCurrentUser() => new ProfileLocator(ResolveRoot(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows)));

        /// <summary>The root rule, with the environment injectable for tests.</summary>
        public static string ResolveRoot(Func<string, string> getEnvironment, bool isWindows)
        {
            var home = getEnvironment(HomeVariable);
            if (!string.IsNullOrWhiteSpace(home)) return home;
            if (isWindows)
            {
                var appData = getEnvironment("APPDATA");
                if (string.IsNullOrWhiteSpace(appData)) appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
                return Path.Combine(appData, "ShareFileProvisioning");
            }
            var xdg = getEnvironment("XDG_CONFIG_HOME");
            if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "ShareFileProvisioning");
            var userHome = getEnvironment("HOME");
            if (string.IsNullOrWhiteSpace(userHome)) userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(userHome, ".config", "ShareFileProvisioning");
        }

        /// <summary>The default profile name: the subdomain of the current ShareFile connection, else "default".</summary>
        public static string DefaultName(string connectedSubdomain) =>
            string.IsNullOrWhiteSpace(connectedSubdomain) ? DefaultProfileName : connectedSubdomain.Trim().ToLowerInvariant();

        /// <summary>The profile called <paramref name="name"/> (it need not exist yet).</summary>
        /// <param name="configurationPath">An explicit configuration file; wins over the profile's own.</param>
        /// <exception cref="ArgumentException">The name is not a safe folder name.</exception>
        public ProvisioningProfile Get(string name, string configurationPath = null)
        {
            if (string.IsNullOrWhiteSpace(name) || !ValidName.IsMatch(name) || name.Contains(".."))
                throw new ArgumentException($"'{name}' is not a valid profile name: use letters, digits, '.', '-' and '_' (at most 64, starting with a letter or digit).", nameof(name));
            return new ProvisioningProfile(name, Path.Combine(ProfilesDirectory, name), configurationPath);
        }

        /// <summary>The names of the profiles that have a folder.</summary>
        public IReadOnlyList<string> ListNames()
        {
            if (!Directory.Exists(ProfilesDirectory)) return new string[0];
            return Directory.GetDirectories(ProfilesDirectory).Select(Path.GetFileName).Where(n => ValidName.IsMatch(n))
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
