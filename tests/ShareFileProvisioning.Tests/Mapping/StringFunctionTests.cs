using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class StringFunctionTests
    {
        [Fact]
        public void Append_adds_the_suffix_and_null_source_gives_null()
        {
            Assert.Equal("John.Doe@contoso.com.test", EvalString("Append([userPrincipalName], \".test\")", "userPrincipalName", "John.Doe@contoso.com"));
            Assert.True(Eval("Append([userPrincipalName], \".test\")").IsNull);
            Assert.Equal("x", EvalString("Append([a], [missing])", "a", "x"));
        }

        [Fact]
        public void Append_of_a_multi_valued_attribute_is_an_error_naming_the_function()
        {
            var e = EvalError("Append([proxyAddresses], \"x\")", "proxyAddresses", new[] { "a", "b" });
            Assert.Equal("Append", e.FunctionName);
            Assert.Contains("argument 1 is a multi-valued attribute (2 values)", e.Message);
        }

        [Theory]
        [InlineData("John Doe", 3, "Joh")]
        [InlineData("John Doe", 0, "")]
        [InlineData("John Doe", -1, "John Doe")]
        [InlineData("Jo", 5, "Jo")]
        public void Left_follows_the_documented_cases(string s, int n, string expected) =>
            Assert.Equal(expected, EvalString($"Left([s], {n})", "s", s));

        [Fact]
        public void Left_of_null_is_an_empty_string() => Assert.Equal("", EvalString("Left([s], 3)"));

        [Theory]
        [InlineData(1, 3, "Joh")]
        [InlineData(6, 10, "Doe")]
        [InlineData(20, 2, "")]
        [InlineData(2, 0, "")]
        public void Mid_is_one_based_and_clips_at_the_end(int start, int length, string expected) =>
            Assert.Equal(expected, EvalString($"Mid([s], {start}, {length})", "s", "John Doe"));

        [Fact]
        public void Mid_of_null_is_null_and_start_zero_is_an_error()
        {
            Assert.True(Eval("Mid([s], 1, 1)").IsNull);
            Assert.Contains("start (argument 2) must be 1 or more", EvalError("Mid([s], 0, 1)", "s", "abc").Message);
        }

        [Fact]
        public void Mid_with_a_non_numeric_start_names_the_parameter() =>
            Assert.Contains("start (argument 2) must be a whole number but is a string", EvalError("Mid([s], [n], 1)", "s", "abc", "n", "x").Message);

        [Fact]
        public void StripSpaces_removes_only_spaces()
        {
            Assert.Equal("vanDijk\t!", EvalString("StripSpaces([s])", "s", " van  Dijk\t! "));
            Assert.True(Eval("StripSpaces([s])").IsNull);
        }

        [Theory]
        [InlineData("ToLower([s])", "MiXeD", "mixed")]
        [InlineData("ToUpper([s])", "MiXeD", "MIXED")]
        [InlineData("ToUpper([s], \"tr-TR\")", "i", "İ")]
        [InlineData("ToUpper([s])", "i", "I")]
        public void ToLower_and_ToUpper_use_invariant_culture_unless_given(string expression, string input, string expected) =>
            Assert.Equal(expected, EvalString(expression, "s", input));

        [Fact]
        public void ToLower_of_null_is_null_and_unknown_culture_is_a_compile_error()
        {
            Assert.True(Eval("ToLower([s])").IsNull);
            Assert.Contains("unknown culture 'xx-NOPE-123'", CompileError("ToLower([s], \"xx-NOPE-123\")").Message);
        }

        [Theory]
        [InlineData("PCase([s])", "PABLO GONSALVES (SECOND)", "Pablo Gonsalves (Second)")]
        [InlineData("PCase([s], \" '-\")", "PINTO-DE'SILVA", "Pinto-De'Silva")]
        [InlineData("PCase([s], \" \")", "PINTO-DE'SILVA", "Pinto-de'silva")]
        [InlineData("PCase(Join(\" \", [s], \"JAMES\"))", "GREGORY", "Gregory James")]
        public void PCase_matches_the_documented_examples(string expression, string input, string expected) =>
            Assert.Equal(expected, EvalString(expression, "s", input));

        [Theory]
        [InlineData("The quick brown fox", 3, " ", "brown")]
        [InlineData("This,string!has&many separators", 3, ",!&#", "has")]
        [InlineData("one two", 5, " ", "")]
        [InlineData("one two", 0, " ", "")]
        [InlineData("  lead  trail ", 2, " ", "trail")]
        public void Word_returns_the_nth_word_or_empty(string s, int n, string delimiters, string expected) =>
            Assert.Equal(expected, EvalString($"Word([s], {n}, \"{delimiters}\")", "s", s));

        [Fact]
        public void Word_of_null_is_an_empty_string() => Assert.Equal("", EvalString("Word([s], 1, \" \")"));

        [Theory]
        [InlineData("InStr(\"The quick brown fox\",\"quick\")", 5L)]
        [InlineData("InStr(\"repEated\",\"e\",3,vbBinaryCompare)", 7L)]
        [InlineData("InStr(\"repEated\",\"e\",3,vbTextCompare)", 4L)]
        [InlineData("InStr(\"abc\",\"z\")", 0L)]
        [InlineData("InStr(\"abc\",\"a\", 9)", 0L)]
        public void InStr_finds_one_based_positions(string expression, long expected) =>
            Assert.Equal(expected, Eval(expression).Value);

        [Fact]
        public void InStr_with_null_is_null_and_bad_compare_type_is_a_compile_error()
        {
            Assert.True(Eval("InStr([s], \"a\")").IsNull);
            Assert.Contains("compareType (argument 4) must be vbBinaryCompare or vbTextCompare", CompileError("InStr(\"a\", \"b\", 1, \"loose\")").Message);
        }

        [Fact]
        public void Join_skips_null_and_empty_values_and_expands_multi_valued_attributes()
        {
            Assert.Equal("Doe, John", EvalString("Join(\", \", \"\", [surname], [givenName])", "surname", "Doe", "givenName", "John"));
            Assert.Equal("a;b;c", EvalString("Join(\";\", [list], [missing], \"c\")", "list", new[] { "a", "b" }));
            Assert.Equal("1000ab", EvalString("Join(\"\", 1000, \"ab\")"));
        }

        [Fact]
        public void Join_of_nothing_is_null() => Assert.True(Eval("Join(\",\", [a], [b])").IsNull);

        [Fact]
        public void ConvertToBase64_encodes_utf16_as_documented()
        {
            Assert.Equal("SABlAGwAbABvACAAdwBvAHIAbABkACEA", EvalString("ConvertToBase64(\"Hello world!\")"));
            Assert.True(Eval("ConvertToBase64([s])").IsNull);
        }

        [Fact]
        public void ConvertToUTF8Hex_encodes_utf8_as_documented()
        {
            Assert.Equal("48656C6C6F20776F726C6421", EvalString("ConvertToUTF8Hex(\"Hello world!\")"));
            Assert.Equal("C3AB", EvalString("ConvertToUTF8Hex(\"ë\")"));
            Assert.True(Eval("ConvertToUTF8Hex([s])").IsNull);
        }

        [Theory]
        [InlineData("Zoë", "Zoe")]
        [InlineData("Jéssica Ñúñez", "Jessica Nunez")]
        [InlineData("Æsa Østergård", "AEsa OEstergard")]
        [InlineData("Łukasz Straße", "Lukasz Strasse")]
        [InlineData("Çağrı Şahin", "Cagri Sahin")]
        [InlineData("plain", "plain")]
        public void NormalizeDiacritics_replaces_accented_letters(string input, string expected) =>
            Assert.Equal(expected, EvalString("NormalizeDiacritics([s])", "s", input));

        [Fact]
        public void NormalizeDiacritics_of_null_is_null() => Assert.True(Eval("NormalizeDiacritics([s])").IsNull);
    }
}
