using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class LogicFunctionTests
    {
        [Theory]
        [InlineData("USA", "USA")]
        [InlineData("FR", "Sales")]
        public void IIF_picks_a_branch_by_the_comparison(string country, string expected) =>
            Assert.Equal(expected, EvalString("IIF([country]=\"USA\",[country],[department])", "country", country, "department", "Sales"));

        [Theory]
        [InlineData("[n] > 5", 6, "yes")]
        [InlineData("[n] > 5", 5, "no")]
        [InlineData("[n] >= 5", 5, "yes")]
        [InlineData("[n] < 10", 9, "yes")]
        [InlineData("[n] <= 10", 11, "no")]
        [InlineData("[n] <> 3", 4, "yes")]
        [InlineData("[n] = 3", 3, "yes")]
        [InlineData("[n] > 5", 10, "yes")]
        public void IIF_supports_all_comparison_operators(string condition, int n, string expected) =>
            Assert.Equal(expected, EvalString($"IIF({condition}, \"yes\", \"no\")", "n", (long)n));

        [Fact]
        public void Ordering_compares_integer_strings_numerically_and_other_strings_ordinally()
        {
            Assert.Equal("yes", EvalString("IIF([a] > \"9\", \"yes\", \"no\")", "a", "10"));
            Assert.Equal("yes", EvalString("IIF([a] < \"b\", \"yes\", \"no\")", "a", "B"));
        }

        [Fact]
        public void Equality_is_case_sensitive()
        {
            Assert.Equal("no", EvalString("IIF([country]=\"usa\", \"yes\", \"no\")", "country", "USA"));
        }

        [Theory]
        [InlineData("IIF([country]=\"\",\"Other\",[country])")]
        [InlineData("IIF([country]<>\"USA\",\"Other\",\"Same\")")]
        public void IIF_condition_fails_on_a_null_source(string expression)
        {
            var result = Eval(expression);
            Assert.NotEqual("Other", result.AsString());
        }

        [Fact]
        public void IIF_nests_for_AND_logic()
        {
            const string expression = "IIF([country]=\"USA\",IIF([state]=\"CA\",\"True\",\"False\"),\"False\")";
            Assert.Equal("True", EvalString(expression, "country", "USA", "state", "CA"));
            Assert.Equal("False", EvalString(expression, "country", "USA", "state", "NY"));
        }

        [Fact]
        public void IIF_accepts_a_boolean_attribute_or_function_as_condition()
        {
            Assert.Equal("on", EvalString("IIF([accountEnabled], \"on\", \"off\")", "accountEnabled", true));
            Assert.Equal("off", EvalString("IIF([accountEnabled], \"on\", \"off\")", "accountEnabled", false));
            Assert.Equal("off", EvalString("IIF([accountEnabled], \"on\", \"off\")"));
            Assert.Equal("Other", EvalString("IIF(IsNullOrEmpty([country]), \"Other\", [country])"));
        }

        [Theory]
        [InlineData("2021-07-05", "True")]
        [InlineData("2021-07-30", "False")]
        public void IIF_compares_a_DateDiff_result_with_a_number(string hireDate, string expected) =>
            // Now() is 2021-07-02 15:33:38 UTC in tests; Entra's documented "hire date within five days" example.
            Assert.Equal(expected, EvalString("IIF(DateDiff(\"d\", Now(), CDate([hire])) > 5, \"False\", \"True\")", "hire", hireDate));

        [Fact]
        public void Only_the_chosen_IIF_branch_is_evaluated() =>
            // The false branch would fail (CDate of a non-date) if it were evaluated.
            Assert.Equal("ok", EvalString("IIF(\"True\", \"ok\", CDate(\"not a date\"))"));

        [Theory]
        [InlineData("QLD", "Australia/Brisbane")]
        [InlineData("NSW", "Australia/Sydney")]
        [InlineData("WA", "Australia/Sydney")]
        [InlineData("qld", "Australia/Sydney")]
        public void Switch_looks_keys_up_case_sensitively_with_a_default(string state, string expected) =>
            Assert.Equal(expected, EvalString("Switch([state], \"Australia/Sydney\", \"NSW\", \"Australia/Sydney\",\"QLD\", \"Australia/Brisbane\", \"SA\", \"Australia/Adelaide\")", "state", state));

        [Fact]
        public void Switch_matches_a_null_source_with_the_empty_key_and_an_omitted_default_is_null()
        {
            Assert.Equal("Other", EvalString("Switch([country],[country],\"\",\"Other\")"));
            Assert.Equal("DE", EvalString("Switch([country],[country],\"\",\"Other\")", "country", "DE"));
            Assert.True(Eval("Switch([active], , \"1\", \"True\", \"0\", \"False\")", "active", "7").IsNull);
        }

        [Fact]
        public void Switch_needs_key_value_pairs() =>
            Assert.Contains("keys and values must come in pairs", CompileError("Switch([a], \"d\", \"k1\", \"v1\", \"k2\")").Message);

        [Fact]
        public void Coalesce_returns_the_first_non_null_value_then_the_default()
        {
            Assert.Equal("John.Doe@contoso.com", EvalString("Coalesce([mail],[userPrincipalName])", "userPrincipalName", "John.Doe@contoso.com"));
            Assert.Equal("fallback", EvalString("Coalesce([mail],[upn],\"fallback\")"));
            Assert.True(Eval("Coalesce([mail],[upn])").IsNull);
            Assert.Equal("", EvalString("Coalesce([mail], \"\")"));
        }

        [Fact]
        public void IgnoreFlowIfNullOrEmpty_drops_the_flow_distinctly_from_null()
        {
            var dropped = Eval("IgnoreFlowIfNullOrEmpty([department])");
            Assert.True(dropped.IsFlowIgnored);
            Assert.False(dropped.IsNull);
            Assert.True(Eval("IgnoreFlowIfNullOrEmpty([department])", "department", "").IsFlowIgnored);
            var kept = Eval("IgnoreFlowIfNullOrEmpty([department])", "department", "Sales");
            Assert.False(kept.IsFlowIgnored);
            Assert.Equal("Sales", kept.AsString());
        }

        [Fact]
        public void IgnoreFlowIfNullOrEmpty_passes_through_Switch_as_documented()
        {
            const string expression = "IgnoreFlowIfNullOrEmpty(Switch([prefix], \"\", \"3443\", \"Dr.\", \"3444\", \"Prof.\"))";
            Assert.True(Eval(expression, "prefix", "9999").IsFlowIgnored);
            Assert.Equal("Dr.", EvalString(expression, "prefix", "3443"));
            Assert.True(Eval("IIF([x] = \"a\", IgnoreFlowIfNullOrEmpty([d]), \"b\")", "x", "a").IsFlowIgnored);
        }

        [Fact]
        public void Redact_passes_the_value_but_logs_show_Redact()
        {
            var result = Eval("Redact([userPrincipalName])", "userPrincipalName", "secret@contoso.com");
            Assert.True(result.IsRedacted);
            Assert.Equal("secret@contoso.com", result.AsString());
            Assert.Equal("[Redact]", result.ToLogString());
            Assert.Equal("[Redact]", result.ToString());
            Assert.Equal("plain@contoso.com", Eval("[upn]", "upn", "plain@contoso.com").ToString());
        }

        [Theory]
        [InlineData(true, "False")]
        [InlineData(false, "True")]
        public void Not_flips_booleans(bool input, string expected) =>
            Assert.Equal(expected, EvalString("Not([IsSoftDeleted])", "IsSoftDeleted", input));

        [Theory]
        [InlineData("True", "False")]
        [InlineData("false", "True")]
        [InlineData("anything", "True")]
        public void Not_flips_boolean_strings_and_treats_other_values_as_not_true(string input, string expected) =>
            Assert.Equal(expected, EvalString("Not([s])", "s", input));

        [Fact]
        public void Not_of_null_is_null() => Assert.True(Eval("Not([s])").IsNull);

        [Theory]
        [InlineData("CBool(1)", "True")]
        [InlineData("CBool(0)", "False")]
        [InlineData("CBool(\"True\")", "True")]
        [InlineData("CBool([missing])", "False")]
        [InlineData("CBool([a] = [b])", "False")]
        [InlineData("CBool(\"7\")", "True")]
        public void CBool_is_true_for_non_zero(string expression, string expected) =>
            Assert.Equal(expected, EvalString(expression, "a", "x", "b", "y"));

        [Fact]
        public void CBool_of_a_word_is_an_error() =>
            Assert.Contains("cannot convert a string to a boolean", EvalError("CBool(\"maybe\")").Message);

        [Fact]
        public void CBool_compares_two_attributes() => Assert.Equal("True", EvalString("CBool([a] = [b])", "a", "x", "b", "x"));

        [Theory]
        [InlineData("IsNull([a])", null, "True")]
        [InlineData("IsNull([a])", "", "False")]
        [InlineData("IsNullOrEmpty([a])", null, "True")]
        [InlineData("IsNullOrEmpty([a])", "", "True")]
        [InlineData("IsNullOrEmpty([a])", "x", "False")]
        [InlineData("IsPresent([a])", "x", "True")]
        [InlineData("IsPresent([a])", "", "False")]
        [InlineData("IsPresent([a])", null, "False")]
        [InlineData("IsString([a])", "x", "True")]
        [InlineData("IsString([a])", null, "False")]
        public void Null_tests_return_booleans(string expression, string value, string expected) =>
            Assert.Equal(expected, EvalString(expression, "a", value));

        [Fact]
        public void IsString_is_false_for_a_boolean_attribute() => Assert.Equal("False", EvalString("IsString([b])", "b", true));

        [Theory]
        [InlineData("CStr([n])", "42")]
        [InlineData("CStr([b])", "True")]
        [InlineData("CStr([s])", "cn=Joe,dc=contoso,dc=com")]
        public void CStr_converts_to_string(string expression, string expected) =>
            Assert.Equal(expected, EvalString(expression, "n", 42L, "b", true, "s", "cn=Joe,dc=contoso,dc=com"));

        [Fact]
        public void CStr_of_null_is_null() => Assert.True(Eval("CStr([n])").IsNull);

        [Theory]
        [InlineData("BitAnd(&HF, &HF7)", 7L)]
        [InlineData("BitAnd(512, [uac])", 512L)]
        [InlineData("BitAnd(2, [uac])", 0L)]
        public void BitAnd_ands_bits(string expression, long expected) =>
            Assert.Equal(expected, Eval(expression, "uac", "&H200").Value);

        [Fact]
        public void BitAnd_of_null_is_null_and_of_text_an_error()
        {
            Assert.True(Eval("BitAnd(1, [x])").IsNull);
            Assert.Contains("value2 (argument 2) must be a whole number", EvalError("BitAnd(1, [x])", "x", "abc").Message);
        }
    }
}
