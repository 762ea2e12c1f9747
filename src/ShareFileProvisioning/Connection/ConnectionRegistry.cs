using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ShareFileProvisioning.Connection
{
    /// <summary>
    /// The current connection per runspace, not per process: Azure Automation jobs can share a process, and a static
    /// "current" connection would leak between them.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, ShareFileConnection> Current = new ConditionalWeakTable<Runspace, ShareFileConnection>();
        private static readonly object Gate = new object();

        public static ShareFileConnection Get()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return null;
            }

            lock (Gate)
            {
                return Current.TryGetValue(runspace, out var connection) ? connection : null;
            }
        }

        public static void Set(ShareFileConnection connection)
        {
            var runspace = Runspace.DefaultRunspace;
            lock (Gate)
            {
                Current.Remove(runspace);
                Current.Add(runspace, connection);
            }
        }

        public static ShareFileConnection Remove()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return null;
            }

            lock (Gate)
            {
                if (Current.TryGetValue(runspace, out var connection))
                {
                    Current.Remove(runspace);
                    return connection;
                }

                return null;
            }
        }
    }
}
