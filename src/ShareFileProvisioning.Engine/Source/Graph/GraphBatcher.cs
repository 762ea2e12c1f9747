using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Polly;
using Polly.Retry;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>
    /// Sends GET requests to Graph as steps of JSON batches (the SDK's BatchRequestContent, at most 20 steps each, up to
    /// a given number of batches in flight): requests queued while the batcher is held, or while every slot is busy,
    /// travel together. Each step is retried on its own (Polly) when it answers 429, 503 or 504, after its own
    /// Retry-After; a step that fails for good fails only the read that sent it (docs/graph-api.md).
    /// </summary>
    internal sealed class GraphBatcher
    {
        public const int MaxSteps = 20;

        private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping =
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

        private readonly GraphServiceClient _client;
        private readonly int _maxBatches;
        private readonly ResiliencePipeline<StepResponse> _retry;
        private readonly object _gate = new object();
        private readonly Queue<Pending> _queue = new Queue<Pending>();
        private int _inFlight;
        private int _holds;
        private int _batches;

        public GraphBatcher(GraphServiceClient client, int maxBatches, TimeSpan? baseDelay = null)
        {
            _client = client;
            _maxBatches = Math.Max(1, maxBatches);
            _retry = new ResiliencePipelineBuilder<StepResponse>()
                .AddRetry(new RetryStrategyOptions<StepResponse>
                {
                    MaxRetryAttempts = 5,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = baseDelay ?? TimeSpan.FromSeconds(1),
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter.From(args.Outcome.Result?.Message, DateTimeOffset.UtcNow)),
                })
                .Build();
        }

        /// <summary>Batch requests sent so far (each counts once, whatever its steps).</summary>
        public int BatchCount => Volatile.Read(ref _batches);

        /// <summary>Queues without sending until disposed, so requests started together fill whole batches.</summary>
        public IDisposable Hold()
        {
            lock (_gate) _holds++;
            return new Release(this);
        }

        /// <summary>
        /// One GET as a batch step, retried per step on 429/503/504. A successful answer's body is handed to
        /// <paramref name="read"/>; a failed one is thrown as the SDK's <see cref="ODataError"/> (see <see cref="StreamedRead"/>).
        /// </summary>
        public async Task<T> GetAsync<T>(Func<RequestInformation> request, Func<Stream, T> read, CancellationToken ct)
        {
            var answer = await _retry.ExecuteAsync(token => new ValueTask<StepResponse>(SendAsync(request(), token)), ct).ConfigureAwait(false);
            return await StreamedRead.ReadAsync(answer.Message, $"step {answer.Id} ({answer.Path})", read).ConfigureAwait(false);
        }

        private static bool IsTransient(Outcome<StepResponse> outcome)
        {
            var status = outcome.Result != null ? (int)outcome.Result.Message.StatusCode : (outcome.Exception as ApiException)?.ResponseStatusCode ?? 0;
            return status == 429 || status == 503 || status == 504;
        }

        private Task<StepResponse> SendAsync(RequestInformation request, CancellationToken ct)
        {
            var pending = new Pending(request, ct);
            lock (_gate) _queue.Enqueue(pending);
            Pump();
            return pending.Completion.Task;
        }

        /// <summary>Starts batches while a slot is free and requests wait.</summary>
        private void Pump()
        {
            while (true)
            {
                var steps = new List<Pending>();
                lock (_gate)
                {
                    if (_holds > 0 || _inFlight >= _maxBatches) return;
                    while (steps.Count < MaxSteps && _queue.Count > 0) steps.Add(_queue.Dequeue());
                    if (steps.Count == 0) return;
                    _inFlight++;
                }

                _ = RunAsync(steps);
            }
        }

        private async Task RunAsync(List<Pending> steps)
        {
            try
            {
                await SendBatchAsync(steps).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate) _inFlight--;
                Pump();
            }
        }

        private async Task SendBatchAsync(List<Pending> steps)
        {
            try
            {
                var live = steps.Where(s => !s.Cancellation.IsCancellationRequested).ToList();
                foreach (var s in steps.Except(live)) s.Completion.TrySetCanceled(s.Cancellation);
                if (live.Count == 0) return;
                var content = new BatchRequestContent(_client);
                for (var i = 0; i < live.Count; i++)
                    live[i].Id = await content.AddBatchRequestStepAsync(live[i].Request, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                var batch = await _client.Batch.PostAsync(content, live[0].Cancellation, ErrorMapping).ConfigureAwait(false);
                var statuses = await batch.GetResponsesStatusCodesAsync().ConfigureAwait(false);
                foreach (var s in live)
                {
                    if (!statuses.ContainsKey(s.Id))
                    {
                        s.Completion.TrySetException(new SourceException($"Microsoft Graph's $batch answer has no response for step {s.Id} ({s.Request.URI?.AbsolutePath}).", 0, null, null));
                        continue;
                    }

                    s.Completion.TrySetResult(new StepResponse(s.Id, s.Request.URI?.AbsolutePath, await batch.GetResponseByIdAsync(s.Id).ConfigureAwait(false)));
                }
            }
            catch (Exception e)
            {
                // The batch request itself failed (after the SDK's own retries): every step in it failed the same way.
                foreach (var s in steps) s.Completion.TrySetException(e);
            }
        }

        private void Unhold()
        {
            lock (_gate) _holds--;
            Pump();
        }

        private sealed class Release : IDisposable
        {
            private GraphBatcher _owner;

            public Release(GraphBatcher owner)
            {
                _owner = owner;
            }

            public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Unhold();
        }

        private sealed class Pending
        {
            public Pending(RequestInformation request, CancellationToken ct)
            {
                Request = request;
                Cancellation = ct;
            }

            public RequestInformation Request { get; }
            public CancellationToken Cancellation { get; }
            public string Id { get; set; }
            public TaskCompletionSource<StepResponse> Completion { get; } = new TaskCompletionSource<StepResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        /// <summary>One step's answer: its status, headers (for the retry decision) and body.</summary>
        private sealed class StepResponse
        {
            public StepResponse(string id, string path, HttpResponseMessage message)
            {
                Id = id;
                Path = path;
                Message = message;
            }

            public string Id { get; }

            public string Path { get; }

            public HttpResponseMessage Message { get; }
        }
    }
}
