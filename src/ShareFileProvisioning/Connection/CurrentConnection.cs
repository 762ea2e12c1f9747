using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ShareFileProvisioning.Connection
{
    /// <summary>
    /// The current connection of one kind per runspace, not per process: Azure Automation jobs can share a process, and
    /// a static "current" connection would leak between them. A runspace that ends takes its entry with it (weak keys).
    /// Each kind is a one-line subclass (<see cref="ConnectionRegistry"/>, the source's registry) so that callers name it.
    /// </summary>
    internal abstract class CurrentConnection<T>
        where T : class
    {
        private static readonly ConditionalWeakTable<Runspace, T> Current = new ConditionalWeakTable<Runspace, T>();
        private static readonly object Gate = new object();

        private protected CurrentConnection()
        {
        }

        /// <summary>This runspace's connection, or null.</summary>
        public static T Get()
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

        /// <summary>
        /// Replaces this runspace's connection; returns the one it replaced. The caller does not dispose it: a script may
        /// still hold it (-PassThru) and pass it explicitly.
        /// </summary>
        public static T Set(T connection)
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

        /// <summary>Forgets this runspace's connection; returns it (null when there was none) for the caller to dispose.</summary>
        public static T Remove()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return null;
            }

            lock (Gate)
            {
                if (!Current.TryGetValue(runspace, out var connection))
                {
                    return null;
                }

                Current.Remove(runspace);
                return connection;
            }
        }
    }
}
