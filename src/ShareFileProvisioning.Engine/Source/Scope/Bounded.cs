using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Source.Scope
{
    /// <summary>Runs one task per item with at most N in flight (Graph throttles per app + tenant).</summary>
    internal static class Bounded
    {
        public static async Task<List<TResult>> SelectAsync<T, TResult>(IEnumerable<T> items, int maxConcurrency, Func<T, Task<TResult>> work, CancellationToken ct)
        {
            using (var gate = new SemaphoreSlim(Math.Max(1, maxConcurrency)))
            {
                var tasks = items.Select(async item =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try
                    {
                        return await work(item).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
            }
        }
    }
}
