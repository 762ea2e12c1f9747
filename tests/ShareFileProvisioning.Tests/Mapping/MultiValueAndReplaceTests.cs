using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class MultiValueAndReplaceTests
    {
        private static readonly string[] Proxies = { "SMTP:a@x.com", "smtp:b@x.com", "SMTP:a@x.com" };

        [Fact]
        public void Count_counts_values_with_null_as_zero()
        {
            Assert.Equal(3L, Eval("Count([p])", "p", Proxies).Value);
            Assert.Equal(1L, Eval("Count([s])", "s", "one").Value);
            Assert.Equal(0L, Eval("Count([p])").Value);
        }

        [Theory]
        [InlineData(1, "SMTP:a@x.com")]
        [InlineData(2, "smtp:b@x.com")]
        public void Item_is_one_based(int index, string expected) =>
            Assert.Equal(expected, EvalString($"Item([p], {index})", "p", Proxies));

        [Fact]
        public void Item_past_the_end_or_of_null_is_null_and_index_zero_is_rejected()
        {
            Assert.True(Eval("Item([p], 9)", "p", Proxies).IsNull);
            Assert.True(Eval("Item([p], 1)").IsNull);
            Assert.Contains("index (argument 2) must be 1 or more", CompileError("Item([p], 0)").Message);
        }

        [Fact]
        public void RemoveDuplicates_keeps_first_occurrences_in_order()
        {
            Assert.Equal(new[] { "SMTP:a@x.com", "smtp:b@x.com" }, Eval("RemoveDuplicates([p])", "p", Proxies).AsStringList());
            Assert.True(Eval("RemoveDuplicates([p])").IsNull);
        }

        [Fact]
        public void Split_makes_a_multi_valued_result()
        {
            var result = Eval("Split([s], \",\")", "s", "PermissionSetOne,PermissionSetTwo");
            Assert.True(result.IsMultiValued);
            Assert.Equal(new[] { "PermissionSetOne", "PermissionSetTwo" }, result.AsStringList());
            Assert.True(Eval("Split([s], \",\")").IsNull);
            Assert.Contains("delimiter (argument 2) must not be empty", CompileError("Split([s], \"\")").Message);
        }

        [Fact]
        public void Multi_valued_result_cannot_be_read_as_one_string() =>
            Assert.Throws<InvalidOperationException>(() => Eval("Split(\"a,b\", \",\")").AsString());

        [Fact]
        public void Replace_literal_mode_replaces_every_occurrence_case_sensitively()
        {
            Assert.Equal("Software Engineer", EvalString("Replace([t],\"Product Developer\", , , \"Software Engineer\", , )", "t", "Product Developer"));
            Assert.Equal("a-b-A", EvalString("Replace([t], \".\", , , \"-\", , )", "t", "a.b.A"));
            Assert.True(Eval("Replace([t], \"a\", , , \"b\", , )").IsNull);
        }

        [Fact]
        public void Replace_template_mode_inserts_the_source_into_the_template() =>
            Assert.Equal("jsmith@contoso.com", EvalString("Replace([UserID],\"<username>\", , , , , \"<username>@contoso.com\")", "UserID", "jsmith"));

        [Theory]
        [InlineData("Replace([p], , \"\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})\", , \"${phoneNumber}\", , )", "+91 9998887777", "9998887777")]
        [InlineData("Replace([p], , \"[()\\\\s-]+\", , \"\", , )", "+1 (999) 888-7777", "+19998887777")]
        [InlineData("Replace([p], , \"[a-zA-Z_]*\", , \"\", , )", "john_doe72", "72")]
        public void Replace_regex_mode_uses_dotnet_substitutions(string expression, string input, string expected) =>
            Assert.Equal(expected, EvalString(expression, "p", input));

        [Theory]
        [InlineData("Replace([a], ,\"(?<streetNumber>^\\\\d*)\",\"streetNumber\", \"888\", , )", "545 Tremont Street", "888 Tremont Street")]
        [InlineData("Replace([a], , \"(?<Suffix>@(.)*)\", \"Suffix\", \"\", , )", "jsmith@contoso.com", "jsmith")]
        public void Replace_group_mode_replaces_only_the_named_group(string expression, string input, string expected) =>
            Assert.Equal(expected, EvalString(expression, "a", input));

        [Fact]
        public void Replace_attribute_mode_falls_back_to_a_group_of_another_attribute()
        {
            const string expression = "Replace([telephoneNumber], , \"\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})\", \"phoneNumber\" , , [mobile], )";
            Assert.Equal("8887779999", EvalString(expression, "telephoneNumber", "", "mobile", "+91 8887779999"));
            Assert.Equal("+1 555", EvalString(expression, "telephoneNumber", "+1 555", "mobile", "+91 8887779999"));
            Assert.True(Eval(expression, "mobile", "no digits").IsNull);
        }

        [Fact]
        public void Replace_rejects_invalid_regex_unknown_group_and_an_unusable_argument_mix()
        {
            Assert.Contains("regexPattern (argument 3) is not a valid regular expression", CompileError("Replace([a], , \"(\", , \"x\", , )").Message);
            Assert.Contains("regexGroupName (argument 4) 'nope' is not a group", CompileError("Replace([a], , \"(?<g>x)\", \"nope\", \"y\", , )").Message);
            var e = CompileError("Replace([a], \"x\", , , , , )");
            Assert.Contains("give oldValue with replacementValue or template", e.Message);
        }

        [Fact]
        public void Replace_with_a_computed_pattern_uses_the_regex_cache() =>
            Assert.Equal("X-X", EvalString("Replace([s], , [pattern], , \"X\", , )", "s", "a-b", "pattern", "[ab]"));
    }
}
