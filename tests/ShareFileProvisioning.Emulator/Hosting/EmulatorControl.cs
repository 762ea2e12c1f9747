using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>Fault injection, fixed latency and the request log shared by the ShareFile and Graph routes.</summary>
public sealed class EmulatorControl
{
    private readonly object _faultGate = new();
    private readonly List<FaultRule> _faults = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;
    private int _latencyMs;

    /// <summary>Adds fault rules; they are tried in order and the first that fires answers the request.</summary>
    public void InjectFaults(params FaultRule[] rules)
    {
        if (rules == null) throw new ArgumentNullException(nameof(rules));
        lock (_faultGate)
            foreach (var rule in rules)
                _faults.Add((rule ?? throw new ArgumentNullException(nameof(rules))).Validated());
    }

    /// <summary>Shorthand: the next <paramref name="count"/> requests get <paramref name="status"/>.</summary>
    public void InjectFaults(int status, int count, int? retryAfterSeconds = null, string pathPrefix = null) =>
        InjectFaults(new FaultRule { Status = status, Count = count, RetryAfterSeconds = retryAfterSeconds, PathPrefix = pathPrefix });

    public void ClearFaults()
    {
        lock (_faultGate) _faults.Clear();
    }

    /// <summary>Delay added before every non-control request.</summary>
    public TimeSpan Latency => TimeSpan.FromMilliseconds(Volatile.Read(ref _latencyMs));

    public void SetLatency(TimeSpan latency)
    {
        if (latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(latency), "Latency must not be negative.");
        Volatile.Write(ref _latencyMs, (int)latency.TotalMilliseconds);
    }

    public void SetLatency(int milliseconds) => SetLatency(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Requests seen per "METHOD route-template" (e.g. "GET /sf/v3/Accounts/Employees"); a snapshot.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts =>
        _counts.ToArray().OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>HTTP requests on the wire (a $batch counts once; its steps are only in <see cref="RequestCounts"/>).</summary>
    public int TotalRequests => Volatile.Read(ref _total);

    /// <summary>Count for one key, 0 when never seen.</summary>
    public int CountOf(string methodAndRoute) => _counts.TryGetValue(methodAndRoute, out var n) ? n : 0;

    public void ClearRequestLog()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary>No faults, no latency, empty request log.</summary>
    public void Reset()
    {
        ClearFaults();
        SetLatency(0);
        ClearRequestLog();
    }

    internal void Record(string methodAndRoute)
    {
        _counts.AddOrUpdate(methodAndRoute, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>A step inside a Graph $batch: counted under its route, not in <see cref="TotalRequests"/> (not on the wire).</summary>
    internal void RecordStep(string methodAndRoute) => _counts.AddOrUpdate(methodAndRoute, 1, (_, n) => n + 1);

    /// <summary>The rule that fires for this request, consuming one of its counts; null when none does.</summary>
    internal FaultRule NextFault(string method, string path, string query = "")
    {
        lock (_faultGate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var rule = _faults[i];
                if (rule.PathPrefix != null && !path.StartsWith(rule.PathPrefix, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.Method != null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.QueryContains != null && query.IndexOf(rule.QueryContains, StringComparison.OrdinalIgnoreCase) < 0) continue;
                if (rule.Fraction is double f)
                {
                    rule.Accumulator += f;
                    if (rule.Accumulator < 1 - 1e-9) continue;
                    rule.Accumulator -= 1;
                }
                if (rule.Remaining == 0) continue;
                if (rule.Remaining > 0 && --rule.Remaining == 0) _faults.RemoveAt(i);
                return rule;
            }
            return null;
        }
    }
}
