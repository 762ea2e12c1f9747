using System.Linq;
using System.Reflection;

namespace ShareFileProvisioning.Tests.Module;

/// <summary>
/// The cmdlet assembly loads in PowerShell's default context, so it must never bind directly to a library that lives in
/// the module's private load context; and the engine must not leak those libraries' types through its public surface.
/// </summary>
public class AssemblyIsolationTests
{
    private static readonly string[] IsolatedPrefixes =
    {
        "Newtonsoft.Json", "Polly", "Microsoft.Graph", "Microsoft.Kiota", "Azure.", "Microsoft.Identity", "Microsoft.Bcl.",
    };

    private static bool IsIsolated(string assemblyName) =>
        IsolatedPrefixes.Any(p => assemblyName.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    // ShareFileUser, not a cmdlet: loading a cmdlet type needs System.Management.Automation, which is not shipped.
    [Fact]
    public void CmdletAssemblyReferencesNoIsolatedLibrary()
    {
        var references = typeof(ShareFileProvisioning.ShareFileUser).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name).ToArray();

        Assert.Contains("ShareFileProvisioning.Engine", references);
        Assert.DoesNotContain(references, IsIsolated);
    }

    [Fact]
    public void EnginePublicSurfaceExposesNoIsolatedLibraryType()
    {
        var engine = typeof(ShareFileProvisioning.Engine.Diagnostics.IEngineTrace).Assembly;
        var leaks = engine.GetExportedTypes()
            .SelectMany(t => PublicSignatureTypes(t).SelectMany(Expand).Select(used => (Owner: t, Used: used)))
            .Where(x => x.Used.Assembly != engine && IsIsolated(x.Used.Assembly.GetName().Name))
            .Select(x => $"{x.Owner.FullName} exposes {x.Used.FullName}")
            .Distinct()
            .ToArray();

        Assert.True(leaks.Length == 0, string.Join(Environment.NewLine, leaks));
    }

    private static System.Collections.Generic.IEnumerable<Type> PublicSignatureTypes(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType != null) yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(flags)) yield return f.FieldType;
        foreach (var p in type.GetProperties(flags)) yield return p.PropertyType;
        foreach (var e in type.GetEvents(flags)) yield return e.EventHandlerType;
        foreach (var m in type.GetMethods(flags).Concat<MethodBase>(type.GetConstructors(flags)))
        {
            if (m is MethodInfo mi) yield return mi.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
        }
    }

    /// <summary>Task&lt;JObject&gt; and JToken[] leak as much as JObject itself.</summary>
    private static System.Collections.Generic.IEnumerable<Type> Expand(Type type)
    {
        if (type == null) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType())) yield return t;
            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var arg in type.GetGenericArguments())
            foreach (var t in Expand(arg)) yield return t;
        }
    }
}
