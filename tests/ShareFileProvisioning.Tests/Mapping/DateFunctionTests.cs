using ShareFileProvisioning.Engine.Mapping.Expressions;
using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class DateFunctionTests
    {
        [Theory]
        [InlineData("2020-03-16-07:00", "3/16/2020 7:00:00 AM")]
        [InlineData("2021-06-30+08:00", "6/29/2021 4:00:00 PM")]
        [InlineData("2009-06-15T01:45:30-07:00", "6/15/2009 8:45:30 AM")]
        [InlineData("2021-08-24", "8/24/2021 12:00:00 AM")]
        public void CDate_converts_to_UTC_as_documented(string input, string expected) =>
            Assert.Equal(expected, EvalString("CDate([d])", "d", input));

        [Fact]
        public void CDate_of_null_is_null_and_of_garbage_an_error()
        {
            Assert.True(Eval("CDate([d])").IsNull);
            var e = EvalError("CDate([d])", "d", "not a date");
            Assert.Equal("CDate", e.FunctionName);
            Assert.DoesNotContain("not a date", e.Message); // values never reach error messages
        }

        [Fact]
        public void CDate_keeps_a_date_attribute() =>
            Assert.Equal("1/2/2024 3:04:05 AM", EvalString("CDate([d])", "d", new DateTimeOffset(2024, 1, 2, 4, 4, 5, TimeSpan.FromHours(1))));

        [Fact]
        public void Now_comes_from_the_context_in_Entra_format() => Assert.Equal("7/2/2021 3:33:38 PM", EvalString("Now()"));

        [Theory]
        [InlineData("d", 7, "3/23/2012 7:00:00 AM")]
        [InlineData("d", -10, "3/6/2012 7:00:00 AM")]
        [InlineData("ww", 2, "3/30/2012 7:00:00 AM")]
        [InlineData("m", 10, "1/16/2013 7:00:00 AM")]
        [InlineData("yyyy", 2, "3/16/2014 7:00:00 AM")]
        [InlineData("h", 1, "3/16/2012 8:00:00 AM")]
        [InlineData("n", 30, "3/16/2012 7:30:00 AM")]
        [InlineData("s", 5, "3/16/2012 7:00:05 AM")]
        public void DateAdd_matches_the_documented_table(string interval, int value, string expected) =>
            Assert.Equal(expected, EvalString($"DateAdd(\"{interval}\", {value}, CDate([hire]))", "hire", "2012-03-16-07:00"));

        [Fact]
        public void DateAdd_of_null_is_null_and_bad_interval_is_a_compile_error()
        {
            Assert.True(Eval("DateAdd(\"d\", 1, CDate([hire]))").IsNull);
            Assert.Contains("interval (argument 1) must be one of yyyy, m, d, ww, h, n or s", CompileError("DateAdd(\"q\", 1, Now())").Message);
            Assert.Contains("interval (argument 1) must be one of", EvalError("DateAdd([i], 1, Now())", "i", "days").Message);
        }

        [Theory]
        [InlineData("d", "2021-08-18+08:00", "2021-08-31+08:00", 13L)]
        [InlineData("d", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", -3449L)]
        [InlineData("ww", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", -493L)]
        [InlineData("m", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", -113L)]
        [InlineData("yyyy", "8/25/2021 5:41:18 PM", "2012-03-16-07:00", -9L)]
        [InlineData("d", "2021-08-31+08:00", "2021-08-31+08:00", 0L)]
        [InlineData("h", "2021-08-24", "2021-08-25", 24L)]
        [InlineData("n", "2021-08-24", "2021-08-25", 1440L)]
        [InlineData("s", "2021-08-24", "2021-08-25", 86400L)]
        public void DateDiff_matches_the_documented_table(string interval, string date1, string date2, long expected) =>
            Assert.Equal(expected, Eval($"DateDiff(\"{interval}\", CDate([d1]), CDate([d2]))", "d1", date1, "d2", date2).Value);

        [Fact]
        public void DateDiff_with_a_null_date_is_null() => Assert.True(Eval("DateDiff(\"d\", Now(), CDate([d]))").IsNull);

        [Fact]
        public void DateFromNum_converts_an_AD_date()
        {
            Assert.Equal("1/1/2012 11:00:00 PM", EvalString("DateFromNum(129699324000000000)"));
            Assert.True(Eval("DateFromNum([lastLogonTimestamp])").IsNull);
            Assert.True(Eval("DateFromNum(0)").IsNull);
        }

        [Fact]
        public void NumFromDate_converts_ISO_8601_to_an_AD_date()
        {
            Assert.Equal(132539328000000000L, Eval("NumFromDate(\"2021-01-01T00:00:00Z\")").Value);
            Assert.Equal(132539615990000000L, Eval("NumFromDate(Join(\"\", FormatDateTime([end], ,\"yyyy-MM-ddzzz\", \"yyyy-MM-dd\"), \" 23:59:59-08:00\"))", "end", "2020-12-31-08:00").Value);
            Assert.True(Eval("NumFromDate([d])").IsNull);
        }

        [Fact]
        public void NumFromDate_and_DateFromNum_round_trip() =>
            Assert.Equal("6/15/2009 8:45:30 AM", EvalString("DateFromNum(NumFromDate(\"2009-06-15T01:45:30-07:00\"))"));

        [Theory]
        [InlineData("20150123105347.1Z", ", ,", "yyyyMMddHHmmss.fZ", "yyyy-MM-dd", "2015-01-23")]
        [InlineData("2020-12-31-08:00", ", ,", "yyyy-MM-ddzzz", "yyyy-MM-dd", "2020-12-31")]
        [InlineData("12/31/2020 11:30:00 PM", ", ,", "M/d/yyyy hh:mm:ss tt", "yyyy-MM-ddTHH:mm", "2020-12-31T23:30")]
        [InlineData("2020-12-31T23:00:00-08:00", ", \"AdjustToUniversal\",", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd HH:mm", "2021-01-01 07:00")]
        public void FormatDateTime_reformats_dates(string input, string stylesPart, string inputFormat, string outputFormat, string expected) =>
            Assert.Equal(expected, EvalString($"FormatDateTime([d]{stylesPart}\"{inputFormat}\", \"{outputFormat}\")", "d", input));

        [Fact]
        public void FormatDateTime_of_null_is_null_and_a_mismatch_is_an_error()
        {
            Assert.True(Eval("FormatDateTime([d], , \"yyyy\", \"yyyy\")").IsNull);
            Assert.Contains("does not match inputFormat", EvalError("FormatDateTime([d], , \"yyyy-MM-dd\", \"yyyy\")", "d", "31.12.2020").Message);
            Assert.Contains("dateTimeStyles (argument 2) 'Sideways'", CompileError("FormatDateTime([d], \"Sideways\", \"yyyy\", \"yyyy\")").Message);
        }

        [Fact]
        public void Now_is_volatile_and_deterministic_with_a_fixed_context()
        {
            var compiled = ExpressionCompiler.Compile("Now()");
            Assert.True(compiled.IsVolatile);
            var context = new EvaluationContext(utcNow: () => new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)));
            Assert.Equal("12/31/2029 10:00:00 PM", compiled.Evaluate(User(), context).AsString());
        }
    }
}
