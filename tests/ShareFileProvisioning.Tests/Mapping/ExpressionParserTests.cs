using System.Linq;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class ExpressionParserTests
    {
        [Fact]
        public void Bare_attribute_is_a_whole_expression_and_reads_case_insensitively()
        {
            Assert.Equal("Ada", EvalString("[givenName]", "GivenName", "Ada"));
            Assert.Equal("Ada", EvalString("  [ GIVENNAME ]  ", "givenName", "Ada"));
        }

        [Theory]
        [InlineData("\"Contoso\"", "Contoso")]
        [InlineData("42", "42")]
        [InlineData("-7", "-7")]
        [InlineData("&HF7", "247")]
        [InlineData("True", "True")]
        public void Bare_literal_is_a_whole_expression(string expression, string expected) =>
            Assert.Equal(expected, EvalString(expression));

        [Theory]
        [InlineData("\"Company name: \\\"Contoso\\\"\"", "Company name: \"Contoso\"")]
        [InlineData("\"C:\\\\temp\"", "C:\\temp")]
        [InlineData("\"\"", "")]
        public void String_escapes_backslash_and_quote(string expression, string expected) =>
            Assert.Equal(expected, EvalString(expression));

        [Fact]
        public void Unknown_escape_is_an_error_with_its_position()
        {
            var e = CompileError("Append([a], \"x\\d\")");
            Assert.Equal(15, e.Position);
            Assert.Contains("Invalid escape '\\d' at position 15", e.Message);
        }

        [Fact]
        public void Nested_calls_and_whitespace_are_accepted()
        {
            const string expression = " ToLower( Join( \"@\" , NormalizeDiacritics(StripSpaces(Join(\".\", [first], [last]))), \"contoso.com\" ) ) ";
            Assert.Equal("zoe.vandijk@contoso.com", EvalString(expression, "first", "Zoë", "last", "van Dijk"));
        }

        [Fact]
        public void Missing_closing_parenthesis_reports_position_and_end_of_expression()
        {
            var e = CompileError("Append([mail], \"x\"");
            Assert.Equal("Expected ')' or ',' at position 19 but found end of expression.", e.Message);
            Assert.Equal(19, e.Position);
        }

        [Theory]
        [InlineData("Append([mail] \"x\")", "Expected ')' or ',' at position 15 but found '\"'.")]
        [InlineData("[mail", "Expected ']' at position 6 but found end of expression.")]
        [InlineData("\"abc", "Expected '\"' to close the string that starts at position 1 but found end of expression.")]
        [InlineData("", "Expected an expression at position 1 but found end of expression.")]
        [InlineData("Append([a], \"b\"))", "Unbalanced ')': expected end of expression at position 17 but found ')'.")]
        [InlineData("[a] [b]", "Expected end of expression at position 5 but found '['.")]
        [InlineData("Append(@, \"b\")", "Expected an expression ([attribute], \"string\", number or Function(...)) at position 8 but found '@'.")]
        [InlineData("Left([a], 1.5)", "Expected a whole number (digits only) at position 12 but found '.'.")]
        [InlineData("[]", "Expected an attribute name at position 2 but found ']'.")]
        [InlineData("&Q1", "Expected 'H' after '&' (hex literal such as &HF7) at position 2 but found 'Q'.")]
        [InlineData("IIF([a] = \"x\" = \"y\", 1, 2)", "Comparisons cannot be chained; nest IIF instead. Expected ')', ',' or end of expression at position 15 but found '='.")]
        public void Syntax_errors_name_position_and_what_was_expected(string expression, string message)
        {
            var e = CompileError(expression);
            Assert.Equal(message, e.Message);
        }

        [Fact]
        public void Function_names_are_case_sensitive_and_error_names_the_right_spelling()
        {
            var e = CompileError("append([mail], \"x\")");
            Assert.Equal(1, e.Position);
            Assert.Contains("Unknown function 'append' at position 1", e.Message);
            Assert.Contains("did you mean 'Append'?", e.Message);
        }

        [Fact]
        public void Unknown_function_lists_near_matches()
        {
            var e = CompileError("Join(\",\", Apend([a], \"x\"))");
            Assert.Equal(11, e.Position);
            Assert.Contains("Unknown function 'Apend' at position 11. Did you mean 'Append'", e.Message);
        }

        [Fact]
        public void Unknown_function_without_near_match_lists_supported_functions()
        {
            var e = CompileError("Frobnicate([a])");
            Assert.Contains("Supported functions: Append, BitAnd", e.Message);
        }

        [Theory]
        [InlineData("Append([a])", "Append at position 1 takes 2 arguments but got 1; signature Append(source, suffix).")]
        [InlineData("Now(1)", "Now at position 1 takes 0 arguments but got 1; signature Now().")]
        [InlineData("InStr([a])", "InStr at position 1 takes 2 to 4 arguments but got 1; signature InStr(value1, value2, start, compareType).")]
        [InlineData("Join(\",\")", "Join at position 1 takes at least 2 arguments but got 1; signature Join(separator, source1, source2, …).")]
        [InlineData("Replace([a], \"x\", \"y\")", "Replace at position 1 takes 7 arguments but got 3; signature Replace(source, oldValue, regexPattern, regexGroupName, replacementValue, replacementAttributeName, template).")]
        public void Wrong_argument_count_names_function_and_signature(string expression, string message) =>
            Assert.Equal(message, CompileError(expression).Message);

        [Fact]
        public void Empty_arguments_count_as_arguments()
        {
            // Entra's own examples leave arguments empty, trailing ones included.
            Assert.Equal("john.doe", EvalString("Replace([mail], \"@contoso.com\", , ,\"\", ,)", "mail", "john.doe@contoso.com"));
        }

        [Theory]
        [InlineData("AppRoleAssignmentsComplex([appRoleAssignments])", "ShareFile has no app roles")]
        [InlineData("AssertiveAppRoleAssignmentsComplex([appRoleAssignments])", "ShareFile has no app roles")]
        [InlineData("SingleAppRoleAssignment([appRoleAssignments])", "ShareFile has no app roles")]
        [InlineData("SelectUniqueValue([a], [b])", "Workday, SuccessFactors and API-driven provisioning to on-premises Active Directory")]
        public void Unsupported_functions_give_their_specific_reason(string expression, string reason)
        {
            var e = CompileError(expression);
            Assert.Contains("is not supported", e.Message);
            Assert.Contains(reason, e.Message);
        }

        [Fact]
        public void Unsupported_functions_map_lists_the_four_left_out_functions() =>
            Assert.Equal(
                new[] { "AppRoleAssignmentsComplex", "AssertiveAppRoleAssignmentsComplex", "SelectUniqueValue", "SingleAppRoleAssignment" },
                UnsupportedFunctions.Reasons.Keys.OrderBy(k => k, StringComparer.Ordinal));

        [Fact]
        public void Unknown_attribute_is_an_error_only_when_known_attributes_are_given()
        {
            Assert.NotNull(ExpressionCompiler.Compile("Append([mial], \"x\")"));
            var e = CompileError("Append([mial], \"x\")", new[] { "mail", "givenName" });
            Assert.Equal(8, e.Position);
            Assert.Contains("Unknown attribute [mial] at position 8. Did you mean [mail]?", e.Message);
        }

        [Fact]
        public void Known_attributes_match_case_insensitively_and_IsSoftDeleted_is_always_known()
        {
            var compiled = ExpressionCompiler.Compile("Join(\" \", [GIVENNAME], Not([IsSoftDeleted]))", new[] { "givenName" });
            Assert.Equal(new[] { "GIVENNAME", "IsSoftDeleted" }, compiled.ReferencedAttributes);
        }

        [Fact]
        public void Expression_longer_than_10000_characters_is_rejected()
        {
            var text = "\"" + new string('a', 9999) + "\"";
            var e = CompileError(text);
            Assert.Contains("10,001 characters long; the limit is 10,000", e.Message);
            Assert.NotNull(ExpressionCompiler.Compile("\"" + new string('a', 9998) + "\""));
        }

        [Fact]
        public void Function_name_without_parentheses_is_explained()
        {
            var e = CompileError("Append(Now, \"x\")");
            Assert.Contains("Function 'Now' at position 8 needs parentheses", e.Message);
        }

        [Fact]
        public void Unknown_bare_name_is_an_error()
        {
            var e = CompileError("InStr([a], \"b\", 1, vbSomething)");
            Assert.Contains("Unknown name 'vbSomething' at position 20", e.Message);
        }

        [Fact]
        public void IgnoreFlowIfNullOrEmpty_inside_a_value_function_is_rejected()
        {
            var e = CompileError("Append(IgnoreFlowIfNullOrEmpty([a]), \"x\")");
            Assert.Equal(8, e.Position);
            Assert.Contains("must be the outermost function", e.Message);
            Assert.NotNull(ExpressionCompiler.Compile("IIF([c] = \"x\", IgnoreFlowIfNullOrEmpty([a]), \"y\")"));
            Assert.Contains("inside a comparison", CompileError("IIF(IgnoreFlowIfNullOrEmpty([a]) = \"x\", \"y\", \"z\")").Message);
        }

        [Fact]
        public void Compiled_expression_reports_redaction_and_volatility()
        {
            var redacted = ExpressionCompiler.Compile("Redact([mail])");
            Assert.True(redacted.IsRedacted);
            Assert.False(redacted.IsVolatile);
            Assert.True(ExpressionCompiler.Compile("Join(\"-\", [a], Guid())").IsVolatile);
            Assert.False(ExpressionCompiler.Compile("[a]").IsRedacted);
        }

        [Fact]
        public void Compiled_expression_is_reused_for_many_objects()
        {
            var compiled = ExpressionCompiler.Compile("Append([a], \"!\")");
            Assert.Equal("x!", compiled.Evaluate(User("a", "x"), Context()).AsString());
            Assert.Equal("y!", compiled.Evaluate(User("a", "y"), Context()).AsString());
        }
    }
}
