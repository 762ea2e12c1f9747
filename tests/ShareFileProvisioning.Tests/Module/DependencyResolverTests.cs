using System.Collections.Generic;
using System.Reflection;
using ShareFileProvisioning.Loading;

namespace ShareFileProvisioning.Tests.Module;

/// <summary>The Windows PowerShell 5.1 fallback, tested as logic (5.1 cannot run here).</summary>
public class DependencyResolverTests
{
    private static DependencyResolver Resolver() => new(new Dictionary<string, (string, Version)>(StringComparer.OrdinalIgnoreCase)
    {
        ["Polly.Core"] = ("/m/Dependencies/Polly.Core.dll", new Version(8, 0, 0, 0)),
        ["Newtonsoft.Json"] = ("/m/Dependencies/Newtonsoft.Json.dll", new Version(13, 0, 0, 0)),
    });

    [Theory]
    [InlineData("Polly.Core, Version=8.0.0.0", "/m/Dependencies/Polly.Core.dll")]       // exact
    [InlineData("Newtonsoft.Json, Version=12.0.0.0", null)]                             // other major: not ours to bend
    [InlineData("Newtonsoft.Json, Version=13.0.0.0", "/m/Dependencies/Newtonsoft.Json.dll")]
    [InlineData("polly.core, Version=7.9.0.0", null)]                                   // older major
    [InlineData("Polly.Core, Version=8.1.0.0", null)]                                   // newer than we ship
    [InlineData("Polly.Core", "/m/Dependencies/Polly.Core.dll")]                        // no version asked
    [InlineData("System.Text.Json, Version=8.0.0.0", null)]                              // not in Dependencies/
    public void ResolvesOnlyOwnDependenciesOfTheSameMajorAtOrAboveTheRequest(string requested, string expected)
    {
        Assert.Equal(expected, Resolver().Resolve(new AssemblyName(requested)));
    }

    [Theory]
    [InlineData(".NET Framework 4.8.9181.0", true)]
    [InlineData(".NET 10.0.1", false)]
    [InlineData(".NET Core 3.1.32", false)]
    public void DetectsWindowsPowerShellRuntime(string description, bool expected)
    {
        Assert.Equal(expected, DependencyResolver.IsNetFramework(description));
    }
}
