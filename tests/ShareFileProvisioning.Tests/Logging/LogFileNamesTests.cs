using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Tests.Logging;

/// <summary>Cycle log names sort in start order, even for two cycles started within one second.</summary>
public class LogFileNamesTests
{
    [Fact]
    public void Cycles_started_in_the_same_second_sort_by_their_milliseconds()
    {
        var first = new LogFileNames(new DateTimeOffset(2026, 11, 26, 9, 5, 7, 120, TimeSpan.Zero), "zzzz");
        var second = new LogFileNames(new DateTimeOffset(2026, 11, 26, 9, 5, 7, 480, TimeSpan.Zero), "aaaa");

        Assert.True(string.CompareOrdinal(first.Stem, second.Stem) < 0, $"{first.Stem} should sort before {second.Stem}");
    }

    [Theory]
    [InlineData("20261126T090507123Z_c1.jsonl", 123)]
    [InlineData("20261126T090507Z_c1.summary.json", 0)]   // written before milliseconds were added
    public void Names_with_and_without_milliseconds_are_read(string fileName, int milliseconds)
    {
        Assert.True(LogFileNames.TryParse(fileName, out var names));
        Assert.Equal("c1", names.CycleId);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 5, 7, milliseconds, TimeSpan.Zero), names.StartedAt);
    }
}
