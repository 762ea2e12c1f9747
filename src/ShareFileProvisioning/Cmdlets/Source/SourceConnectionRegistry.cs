using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>The current source connection per runspace (Azure Automation jobs can share a process).</summary>
    internal static class SourceConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, ProvisioningSourceConnection> Current = new ConditionalWeakTable<Runspace, ProvisioningSourceConnection>();
        private static readonly object Gate = new object();

        public static ProvisioningSourceConnection Get()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) return null;
            lock (Gate) return Current.TryGetValue(runspace, out var c) ? c : null;
        }

        /// <summary>Replaces the current connection; returns the one it replaced (to dispose).</summary>
        public static ProvisioningSourceConnection Set(ProvisioningSourceConnection connection)
        {
            var runspace = Runspace.DefaultRunspace;
            lock (Gate)
            {
                Current.TryGetValue(runspace, out var previous);
                Current.Remove(runspace);
                Current.Add(runspace, connection);
                return previous;
            }
        }

        public static ProvisioningSourceConnection Remove()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) return null;
            lock (Gate)
            {
                if (!Current.TryGetValue(runspace, out var c)) return null;
                Current.Remove(runspace);
                return c;
            }
        }
    }
}
