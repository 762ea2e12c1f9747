using System;

namespace ShareFileProvisioning.Emulator.Hosting;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.Status"/> and ShareFile's error body (429 carries Retry-After).</summary>
    Status,
    /// <summary>Abort the connection without a response.</summary>
    Drop,
    /// <summary>302 to http://maintenance.sharefile.com/ (ShareFile's "API down" signal).</summary>
    Maintenance,
    /// <summary>
    /// The request takes effect at once; its answer is held for <see cref="FaultRule.HoldMilliseconds"/> before it is
    /// sent (a write applied whose answer is still on its way when the client stops).
    /// </summary>
    SlowAnswer,
}

/// <summary>
/// One fault rule. Count = fail the next N matching requests; Fraction = fail that share of matching requests,
/// spread evenly (deterministic, so tests are repeatable); neither = fail every matching request until cleared.
/// </summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; set; } = FaultKind.Status;
    public int Status { get; set; } = 503;
    public int? Count { get; set; }
    public double? Fraction { get; set; }
    public int? RetryAfterSeconds { get; set; }
    /// <summary>Only paths starting with this (case-insensitive); null = every non-control path.</summary>
    public string PathPrefix { get; set; }
    /// <summary>
    /// Only requests whose decoded query string contains this (case-insensitive); null = any. Lets a test fail the one
    /// read that carries a given object id (a `$filter=id in (…)` chunk) and no other.
    /// </summary>
    public string QueryContains { get; set; }
    /// <summary>Only this HTTP method (as sent on the wire); null = any.</summary>
    public string Method { get; set; }
    /// <summary>
    /// A lost answer: the request takes effect, then its answer is replaced by the fault (the status, or a dropped
    /// connection) — as a real network loses the response to a write that was applied.
    /// </summary>
    public bool AfterApply { get; set; }
    /// <summary>How long a <see cref="FaultKind.SlowAnswer"/> answer is held.</summary>
    public int HoldMilliseconds { get; set; }

    internal int Remaining;
    internal double Accumulator;

    internal FaultRule Validated()
    {
        if (Kind == FaultKind.Status && (Status < 400 || Status > 599))
            throw new ArgumentException($"Fault status {Status} is not an HTTP error status (400-599).");
        if (Kind == FaultKind.SlowAnswer && HoldMilliseconds <= 0)
            throw new ArgumentException($"A slow answer needs HoldMilliseconds above 0 (got {HoldMilliseconds}).");
        if (Fraction is < 0 or > 1) throw new ArgumentException($"Fault fraction {Fraction} must be between 0 and 1.");
        if (Count is < 0) throw new ArgumentException($"Fault count {Count} must not be negative.");
        Remaining = Count ?? -1;
        return this;
    }
}
