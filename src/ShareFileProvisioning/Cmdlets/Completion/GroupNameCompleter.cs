using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets.Completion
{
    /// <summary>
    /// Completes ShareFile group names from the current connection. The names are cached per connection for a minute
    /// so pressing Tab repeatedly does not list the groups each time; a slow or failing service completes nothing.
    /// </summary>
    public sealed class GroupNameCompleter : NameCompleter
    {
        internal static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
        private static readonly ConditionalWeakTable<ShareFileClient, CachedNames> Cache = new ConditionalWeakTable<ShareFileClient, CachedNames>();

        private protected override IEnumerable<string> Names()
        {
            var client = ConnectionRegistry.Get()?.Client;
            return client == null ? new string[0] : Names(client);
        }

        private protected override IEnumerable<string> Order(IEnumerable<string> names) => names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase);

        private protected override string CompletionText(string name) => Quote(name);

        /// <summary>A name with spaces or quotes becomes a single-quoted PowerShell string.</summary>
        internal static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')', '{', '}', ',', '&', '@', '#', '|' }) < 0 ? name : "'" + name.Replace("'", "''") + "'";

        private static IReadOnlyList<string> Names(ShareFileClient client)
        {
            var cached = Cache.GetOrCreateValue(client);
            lock (cached)
            {
                if (cached.Names != null && DateTime.UtcNow - cached.LoadedAt < CacheLifetime) return cached.Names;
            }
            try
            {
                using (var cts = new CancellationTokenSource(Timeout))
                {
                    var groups = client.ListGroupsAsync(null, cts.Token).GetAwaiter().GetResult();
                    var names = groups.Select(g => g.Name).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    lock (cached)
                    {
                        cached.Names = names;
                        cached.LoadedAt = DateTime.UtcNow;
                    }
                    return names;
                }
            }
            catch (Exception)
            {
                return new string[0]; // completion must never throw at the user
            }
        }

        private sealed class CachedNames
        {
            public IReadOnlyList<string> Names;
            public DateTime LoadedAt;
        }
    }
}
