using System;
using System.Reflection;
using System.Runtime.Loader;

namespace ShareFileProvisioning.Loader;

/// <summary>
/// Wires the default context to our private one: when the cmdlet assembly (default context) first needs the engine,
/// the default context's Resolving event hands the request to <see cref="DependencyLoadContext"/>. Called by reflection
/// from the cmdlet assembly's module initializer on PowerShell 7 only.
/// </summary>
public static class ModuleLoadBridge
{
    private const string EngineAssemblyName = "ShareFileProvisioning.Engine";
    private static readonly object Gate = new();
    private static DependencyLoadContext? _context;

    public static void Attach(string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_context is not null)
            {
                return;
            }

            _context = new DependencyLoadContext(dependencyDirectory);
            AssemblyLoadContext.Default.Resolving += OnResolving;
        }
    }

    public static void Detach()
    {
        lock (Gate)
        {
            AssemblyLoadContext.Default.Resolving -= OnResolving;
        }
    }

    /// <summary>The context that holds the engine, for tests that check isolation.</summary>
    public static AssemblyLoadContext? Context => _context;

    private static Assembly? OnResolving(AssemblyLoadContext defaultContext, AssemblyName name) =>
        string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase) && _context is not null
            ? _context.LoadFromAssemblyName(name)
            : null;
}
