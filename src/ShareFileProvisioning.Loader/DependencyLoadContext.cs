using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace ShareFileProvisioning.Loader;

/// <summary>
/// The module's private load context over Dependencies/: the engine and every third-party library it uses
/// (Newtonsoft.Json, Polly, later Microsoft.Graph and Azure.Identity) load here, so a different version that another
/// module already put in PowerShell's default context cannot clash with ours, nor ours with theirs.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, string> _assemblies;
    private readonly Dictionary<string, string> _platform;

    public DependencyLoadContext(string dependencyDirectory) : base("ShareFileProvisioning", isCollectible: false)
    {
        DependencyDirectory = dependencyDirectory;
        _assemblies = Directory.GetFiles(dependencyDirectory, "*.dll")
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase);
        _platform = ReadTrustedPlatformAssemblies();
    }

    public string DependencyDirectory { get; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || DeferToPowerShell(name) || !_assemblies.TryGetValue(name, out var path))
        {
            return null;
        }

        // A platform assembly (pwsh ships System.*, Microsoft.Bcl.* and its own Newtonsoft.Json) is shared unless ours
        // is strictly newer: two copies of one platform type identity break every exchange between them.
        if (_platform.TryGetValue(name, out var platformPath)
            && VersionOf(platformPath) >= VersionOf(path))
        {
            return null;
        }

        return LoadFromAssemblyPath(path);
    }

    /// <summary>Names only: versions are read on demand, so import stays cheap.</summary>
    private static Dictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var file in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            result[Path.GetFileNameWithoutExtension(file)] = file;
        }

        return result;
    }

    private static Version VersionOf(string path) => AssemblyName.GetAssemblyName(path).Version ?? new Version();

    /// <summary>PowerShell's own assemblies and our cmdlet assembly must keep one identity: the default context's.</summary>
    internal static bool DeferToPowerShell(string name) =>
        name.Equals("System.Management.Automation", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.PowerShell.", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ShareFileProvisioning", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ShareFileProvisioning.Loader", StringComparison.OrdinalIgnoreCase);
}
