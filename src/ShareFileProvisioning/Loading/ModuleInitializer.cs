using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ShareFileProvisioning.Loading
{
    /// <summary>
    /// Runs when the module is imported, before any cmdlet touches the engine. PowerShell 7: hands the engine and its
    /// libraries to the private load context (the Loader). Windows PowerShell 5.1: an AssemblyResolve fallback.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string DependencyFolderName = "Dependencies";
        private static DependencyResolver _resolver;

        public void OnImport()
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
            var dependencyDirectory = Path.Combine(moduleDirectory, DependencyFolderName);
            if (DependencyResolver.IsNetFramework(RuntimeInformation.FrameworkDescription))
            {
                _resolver = DependencyResolver.FromDirectory(dependencyDirectory);
                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                return;
            }

            // The loader is net6.0 and this assembly is netstandard2.0, so it is reached by reflection.
            var loader = Assembly.LoadFrom(Path.Combine(moduleDirectory, "ShareFileProvisioning.Loader.dll"));
            loader.GetType("ShareFileProvisioning.Loader.ModuleLoadBridge", throwOnError: true)
                .GetMethod("Attach", BindingFlags.Public | BindingFlags.Static)
                .Invoke(null, new object[] { dependencyDirectory });
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (_resolver != null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
            }
        }

        private static Assembly OnAssemblyResolve(object sender, ResolveEventArgs args)
        {
            var path = _resolver.Resolve(new AssemblyName(args.Name));
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
