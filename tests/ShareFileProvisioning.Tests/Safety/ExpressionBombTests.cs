using System.Diagnostics;
using System.Linq;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>
/// A mapping expression is input: one written to exhaust memory, the stack or the clock fails for the object it
/// is evaluated for, in bounded time and memory, and the cycle goes on.
/// </summary>
public sealed class ExpressionBombTests
{
    private static string Nest(int times, string inner, string wrapperFormat)
    {
        var text = inner;
        for (var i = 0; i < times; i++) text = string.Format(wrapperFormat, text);
        return text;
    }

    private static (T Error, TimeSpan Elapsed, long Allocated) Measure<T>(Func<object> act) where T : Exception
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<T>(act);
        return (error, watch.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    [Fact]
    public void Thirty_fold_nested_doubling_Replace_fails_at_the_size_limit_without_allocating_gigabytes()
    {
        // Each level doubles the text: 64 characters would become 64 × 2^30 (128 GB as UTF-16).
        var bomb = ExpressionCompiler.Compile(Nest(30, "[givenName]", "Replace({0}, \"a\", , , \"aa\", , )"));

        var (error, elapsed, allocated) = Measure<ExpressionEvaluationException>(() => bomb.Evaluate(User("givenName", new string('a', 64)), Context()));

        Assert.Contains("64 KB", error.Message);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
    }

    [Fact]
    public void Regex_replace_of_every_position_with_a_long_value_stops_at_the_size_limit_before_building_it()
    {
        // An empty pattern matches at each of 2,001 positions: 2,001 × 9,000 characters (36 MB) if built.
        var bomb = ExpressionCompiler.Compile($"Replace([givenName], , \"\", , \"{new string('x', 9000)}\", , )");

        var (error, _, allocated) = Measure<ExpressionEvaluationException>(() => bomb.Evaluate(User("givenName", new string('a', 2000)), Context()));

        Assert.Contains("64 KB", error.Message);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Literal_replace_and_template_that_would_exceed_the_limit_fail_before_building_it()
    {
        var replace = EvalError($"Replace([givenName], \"a\", , , \"{new string('y', 5000)}\", , )", "givenName", new string('a', 100));
        var template = EvalError($"Replace([givenName], \"%\", , , , , \"{new string('%', 100)}\")", "givenName", new string('b', 5000));

        Assert.Contains("64 KB", replace.Message);
        Assert.Contains("64 KB", template.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_when_compiled_and_the_limit_itself_compiles()
    {
        var deep = CompileError(Nest(ExpressionLimits.MaxNestingDepth + 1, "[givenName]", "StripSpaces({0})"));
        var atLimit = ExpressionCompiler.Compile(Nest(ExpressionLimits.MaxNestingDepth, "[givenName]", "StripSpaces({0})"));

        Assert.Contains($"nested more than {ExpressionLimits.MaxNestingDepth}", deep.Message);
        Assert.Equal("AdaL", atLimit.Evaluate(User("givenName", " Ada L "), Context()).AsString());
    }

    [Fact]
    public void Hundreds_of_nested_calls_are_refused_without_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("StripSpaces(", 3000)) + "[givenName]" + new string(')', 3000);

        var error = CompileError(text.Length > 10000 ? text.Substring(0, 10000) : text);

        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void Catastrophic_regex_fails_after_the_regex_timeout_not_after_the_backtracking()
    {
        var evil = ExpressionCompiler.Compile("Replace([givenName], , \"(a+)+$\", , \"x\", , )");

        var (error, elapsed, _) = Measure<ExpressionEvaluationException>(() => evil.Evaluate(User("givenName", new string('a', 40) + "!"), Context()));

        Assert.Contains("too long", error.Message);
        Assert.True(elapsed < ExpressionLimits.RegexTimeout + TimeSpan.FromSeconds(3), $"took {elapsed}");
    }

    [Fact]
    public void Expression_that_used_up_its_cycle_budget_fails_at_once_for_every_further_object()
    {
        var evil = ExpressionCompiler.Compile("Replace([givenName], , \"(a+)+$\", , \"x\", , )").WithCycleBudget(TimeSpan.FromSeconds(1.5));
        var user = User("givenName", new string('a', 40) + "!");
        var watch = Stopwatch.StartNew();

        var messages = Enumerable.Range(0, 20)
            .Select(_ => Assert.Throws<ExpressionEvaluationException>(() => evil.Evaluate(user, Context())).Message)
            .ToList();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"20 evaluations took {watch.Elapsed}");
        Assert.True(messages.Count(m => m.Contains("used up")) >= 17, string.Join(" | ", messages.Distinct()));
        Assert.Contains("used up", messages.Last());
    }

    [Fact]
    public void Wildcard_log_query_that_backtracks_without_end_is_stopped_by_its_timeout()
    {
        var query = new ProvisioningLogQuery { Identity = string.Concat(Enumerable.Repeat("*a", 25)) + "*b" };
        var record = new ProvisioningLogRecord { SourceIdentity = new ProvisionedIdentity { DisplayName = new string('a', 200) } };
        var filter = query.BuildRecordFilter();
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ArgumentException>(() => filter(record));

        Assert.Contains("fewer wildcards", error.Message);
        Assert.True(watch.Elapsed < ProvisioningLogQuery.MatchTimeout + TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }
}
