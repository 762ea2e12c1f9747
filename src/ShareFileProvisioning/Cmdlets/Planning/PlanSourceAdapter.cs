using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ShareFileProvisioning.Engine.Source;

namespace ShareFileProvisioning.Cmdlets.Planning
{
    /// <summary>
    /// Finds the Entra source of a source connection. TEMPORARY ADAPTER until the source cmdlets (Connect-ProvisioningSource)
    /// are merged: it accepts any connection object that holds an <see cref="IProvisioningSource"/> (public or internal
    /// property) and asks the source cmdlets' per-runspace registry (a type named *SourceConnectionRegistry with a static
    /// Get()) for the current one. The integrator replaces both lookups with direct calls.
    /// </summary>
    internal static class PlanSourceAdapter
    {
        private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        /// <returns>The source, or null when there is no connection at all.</returns>
        /// <exception cref="ArgumentException">The object given is not a source connection.</exception>
        public static IProvisioningSource Resolve(object connection)
        {
            if (connection is PSObject ps) connection = ps.BaseObject;
            if (connection == null) connection = CurrentConnection();
            if (connection == null) return null;
            if (connection is IProvisioningSource direct) return direct;
            foreach (var property in connection.GetType().GetProperties(Members))
                if (typeof(IProvisioningSource).IsAssignableFrom(property.PropertyType) && property.GetIndexParameters().Length == 0)
                    return (IProvisioningSource)property.GetValue(connection);
            throw new ArgumentException($"-SourceConnection takes the object Connect-ProvisioningSource returns, not a {connection.GetType().Name}.");
        }

        private static object CurrentConnection()
        {
            Type[] types;
            try
            {
                types = typeof(PlanSourceAdapter).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t != null).ToArray();
            }
            var registry = types.FirstOrDefault(t => t.Name.EndsWith("SourceConnectionRegistry", StringComparison.Ordinal));
            var get = registry?.GetMethod("Get", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, null, Type.EmptyTypes, null);
            return get?.Invoke(null, null);
        }
    }
}
