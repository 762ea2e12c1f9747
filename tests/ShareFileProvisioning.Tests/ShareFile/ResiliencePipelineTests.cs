using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using Polly;
using ShareFileProvisioning.Engine.Http;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>The pipeline's decisions, driven by callbacks that play the server (no HTTP, so timings are exact).</summary>
public class ResiliencePipelineTests
{
    private static (ResiliencePipeline<HttpResponseMessage> Pipeline, ThrottleGate Gate, MetricsCounters Metrics) Create()
    {
        var gate = new ThrottleGate();
        var metrics = new MetricsCounters();
        return (ShareFileResiliencePipelineFactory.Create(ShareFileTestKit.FastOptions(), gate, metrics), gate, metrics);
    }

    private static async Task<(int Calls, Outcome<HttpResponseMessage> Outcome)> RunAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, bool idempotent, Func<int, HttpResponseMessage> server)
    {
        var calls = 0;
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        context.Properties.Set(ResilienceKeys.IsIdempotent, idempotent);
        var outcome = await pipeline.ExecuteOutcomeAsync((ctx, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            try
            {
                return new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(server(n)));
            }
            catch (Exception ex)
            {
                return new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromException<HttpResponseMessage>(ex));
            }
        }, context, 0);
        ResilienceContextPool.Shared.Return(context);
        return (calls, outcome);
    }

    private static HttpResponseMessage Status(int status, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (retryAfterSeconds.HasValue) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds.Value));
        return response;
    }

    [Theory]
    [InlineData(500, true, 2)]
    [InlineData(502, true, 2)]
    [InlineData(504, true, 2)]
    [InlineData(500, false, 1)]
    [InlineData(503, false, 2)]
    [InlineData(429, false, 2)]
    [InlineData(400, true, 1)]
    [InlineData(409, true, 1)]
    public async Task Status_is_retried_only_when_safe_for_the_method(int status, bool idempotent, int expectedCalls)
    {
        var (pipeline, _, _) = Create();
        var (calls, outcome) = await RunAsync(pipeline, idempotent, n => n == 1 ? Status(status) : Status(200));
        Assert.Equal(expectedCalls, calls);
        Assert.Equal(expectedCalls == 2 ? 200 : status, (int)outcome.Result.StatusCode);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Dropped_connection_is_retried_only_for_idempotent_calls(bool idempotent, int expectedCalls)
    {
        var (pipeline, _, _) = Create();
        var (calls, outcome) = await RunAsync(pipeline, idempotent, n => n == 1 ? throw new HttpRequestException("reset", new IOException("connection reset")) : Status(200));
        Assert.Equal(expectedCalls, calls);
        Assert.Equal(idempotent, outcome.Exception == null);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries()
    {
        var (pipeline, _, metrics) = Create();
        var (calls, outcome) = await RunAsync(pipeline, true, _ => Status(503));
        Assert.Equal(4, calls);
        Assert.Equal(503, (int)outcome.Result.StatusCode);
        Assert.Equal(3, metrics.Snapshot().Retries);
    }

    [Fact]
    public async Task A_429_holds_back_other_callers_until_Retry_After_has_passed()
    {
        var (pipeline, gate, metrics) = Create();
        var clock = Stopwatch.StartNew();
        var throttledAt = TimeSpan.Zero;
        var throttled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RunAsync(pipeline, true, n =>
        {
            if (n > 1) return Status(200);
            throttledAt = clock.Elapsed;
            throttled.SetResult(true);
            return Status(429, retryAfterSeconds: 1);
        });

        // The other caller starts as soon as the 429 is in (not after a fixed sleep, which a busy machine can outlast).
        await throttled.Task;
        while (gate.NotBefore <= DateTimeOffset.UtcNow && !first.IsCompleted) await Task.Yield();
        var otherFirstSend = TimeSpan.Zero;
        var second = RunAsync(pipeline, true, n =>
        {
            if (n == 1) otherFirstSend = clock.Elapsed;
            return Status(200);
        });
        await Task.WhenAll(first, second);

        Assert.True(otherFirstSend - throttledAt >= TimeSpan.FromMilliseconds(950), $"other caller sent after {(otherFirstSend - throttledAt).TotalMilliseconds} ms");
        var snapshot = metrics.Snapshot();
        Assert.Equal(1, snapshot.ThrottledResponses);
        // The throttled caller's own Retry-After (1 s) plus the time the other caller spent at the gate.
        Assert.True(snapshot.ThrottleWaitTotal > TimeSpan.FromSeconds(1), $"throttle wait {snapshot.ThrottleWaitTotal}");
    }

    [Fact]
    public void Retry_After_as_http_date_is_honoured()
    {
        var now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.From(response, now));
    }
}
