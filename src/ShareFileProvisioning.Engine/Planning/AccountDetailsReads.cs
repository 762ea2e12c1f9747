using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Each account's Users(id)?$expand=Security read, sent at most once per plan and shared by everyone who needs it
    /// (the state lookup, the administrator check, the account report), at most a bounded number at once. An account
    /// deleted since the listing faults its read with ShareFileApiException 404, for every asker.
    /// </summary>
    internal sealed class AccountDetailsReads : IDisposable
    {
        private readonly ShareFileClient _client;
        private readonly SemaphoreSlim _gate;
        private readonly ConcurrentDictionary<string, Lazy<Task<AccountDetails>>> _reads =
            new ConcurrentDictionary<string, Lazy<Task<AccountDetails>>>(StringComparer.OrdinalIgnoreCase);

        public AccountDetailsReads(ShareFileClient client, int maxConcurrency)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _gate = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        }

        public Task<AccountDetails> ReadAsync(string id, CancellationToken ct) =>
            _reads.GetOrAdd(id, key => new Lazy<Task<AccountDetails>>(() => SendAsync(key, ct))).Value;

        /// <summary>Every read that has answered, by account id (a 404 or a failure is left out).</summary>
        public Dictionary<string, AccountDetails> Answered() =>
            _reads.Where(r => r.Value.IsValueCreated && r.Value.Value.Status == TaskStatus.RanToCompletion)
                .ToDictionary(r => r.Key, r => r.Value.Value.Result, StringComparer.OrdinalIgnoreCase);

        private async Task<AccountDetails> SendAsync(string id, CancellationToken ct)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return AccountDetails.From(await _client.GetUserAsync(id, true, ct).ConfigureAwait(false));
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}
