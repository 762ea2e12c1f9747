using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ShareFileProvisioning.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has no load contexts: answer AssemblyResolve for our own Dependencies/ only, accepting the
    /// same major version at or above the one requested (the binding redirect a .config file would otherwise give).
    /// Pure logic so it is unit-tested without 5.1.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly IReadOnlyDictionary<string, (string Path, Version Version)> _available;

        internal DependencyResolver(IReadOnlyDictionary<string, (string Path, Version Version)> available)
        {
            _available = available;
        }

        /// <summary>Windows PowerShell 5.1 runs on .NET Framework, which has no AssemblyLoadContext.</summary>
        internal static bool IsNetFramework(string frameworkDescription) =>
            frameworkDescription != null && frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        internal static DependencyResolver FromDirectory(string directory)
        {
            var available = new Dictionary<string, (string, Version)>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.dll"))
                {
                    available[Path.GetFileNameWithoutExtension(file)] = (file, AssemblyName.GetAssemblyName(file).Version);
                }
            }

            return new DependencyResolver(available);
        }

        /// <returns>The file to load, or null when the request is not ours to answer.</returns>
        internal string Resolve(AssemblyName requested)
        {
            if (requested?.Name == null || !_available.TryGetValue(requested.Name, out var candidate))
            {
                return null;
            }

            if (requested.Version == null)
            {
                return candidate.Path;
            }

            return candidate.Version.Major == requested.Version.Major && candidate.Version >= requested.Version
                ? candidate.Path
                : null;
        }
    }
}
