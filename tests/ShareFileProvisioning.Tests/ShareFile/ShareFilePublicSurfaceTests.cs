using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>The cmdlet assembly cannot see Newtonsoft or Polly (PrivateAssets=all): no public ShareFile client member may expose them.</summary>
public class ShareFilePublicSurfaceTests
{
    private static readonly string[] AreaNamespaces =
    {
        "ShareFileProvisioning.Engine.ShareFile", "ShareFileProvisioning.Engine.Http", "ShareFileProvisioning.Engine.Diagnostics",
    };

    private static IEnumerable<Type> Mentioned(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        PropertyInfo p => new[] { p.PropertyType },
        FieldInfo f => new[] { f.FieldType },
        EventInfo e => new[] { e.EventHandlerType },
        _ => Array.Empty<Type>(),
    };

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Append(type) : type.HasElementType ? Flatten(type.GetElementType()) : new[] { type };

    [Fact]
    public void Public_members_expose_no_Newtonsoft_or_Polly_types()
    {
        var publicTypes = typeof(ShareFileClient).Assembly.GetExportedTypes()
            .Where(t => AreaNamespaces.Any(ns => t.Namespace != null && t.Namespace.StartsWith(ns, StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(typeof(ShareFileClient), publicTypes);

        var leaks = publicTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => Mentioned(m).SelectMany(Flatten).Select(x => (Member: t.Name + "." + m.Name, Type: x)))
                .Concat(new[] { t.BaseType }.Where(b => b != null).Select(b => (Member: t.Name + " : base", Type: b))))
            .Where(x => x.Type.Namespace != null && (x.Type.Namespace.StartsWith("Newtonsoft", StringComparison.Ordinal) || x.Type.Namespace.StartsWith("Polly", StringComparison.Ordinal)))
            .Select(x => x.Member + " -> " + x.Type.FullName)
            .ToList();

        Assert.Empty(leaks);
    }
}
