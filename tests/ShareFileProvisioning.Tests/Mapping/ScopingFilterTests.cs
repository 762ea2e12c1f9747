using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Scoping;
using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class ScopingFilterTests
    {
        private static bool Test(string attribute, string op, string value, object attributeValue)
        {
            var set = new ScopingFilterSet(new ScopingFilter(new ScopingClause(attribute, op, value)));
            var user = attributeValue == null ? User() : User(attribute, attributeValue);
            return set.Compile().Evaluate(user).IsInScope;
        }

        [Theory]
        [InlineData("&", "Sales,Marketing", "Sales", true)]
        [InlineData("&", "Sales,Marketing", "Finance", false)]
        [InlineData("&", "Sales,Marketing", null, false)]
        [InlineData("!&", "Sales,Marketing", "Finance", true)]
        [InlineData("!&", "Sales,Marketing", "Sales", false)]
        [InlineData("!&", "Sales,Marketing", null, false)]
        [InlineData("ENDS_WITH", "@contoso.com", "ada@contoso.com", true)]
        [InlineData("ENDS_WITH", "@contoso.com", "ada@CONTOSO.com", false)]
        [InlineData("ENDS_WITH", "@contoso.com", null, false)]
        [InlineData("EQUALS", "Sales", "Sales", true)]
        [InlineData("EQUALS", "Sales", "sales", false)]
        [InlineData("EQUALS", "Sales", null, false)]
        [InlineData("NOT EQUALS", "Sales", "Finance", true)]
        [InlineData("NOT EQUALS", "Sales", "Sales", false)]
        [InlineData("NOT EQUALS", "Sales", null, false)]
        [InlineData("NOT EQUALS", "Sales", "", false)]
        [InlineData("Includes", "ale", "Sales", true)]
        [InlineData("Includes", "ALE", "Sales", false)]
        [InlineData("Includes", "ale", null, false)]
        [InlineData("REGEX MATCH", ".*\\@contoso.com", "ada@contoso.com", true)]
        [InlineData("REGEX MATCH", "^[0-9]+$", "12a", false)]
        [InlineData("REGEX MATCH", ".*", null, false)]
        [InlineData("NOT REGEX MATCH", ".*\\@contoso.com", "ada@fabrikam.com", true)]
        [InlineData("NOT REGEX MATCH", ".*\\@contoso.com", "ada@contoso.com", false)]
        [InlineData("NOT REGEX MATCH", ".*\\@contoso.com", null, false)]
        [InlineData("NOT REGEX MATCH", ".*\\@contoso.com", "", false)]
        public void String_operators_are_case_sensitive_and_false_on_null(string op, string value, string attributeValue, bool expected) =>
            Assert.Equal(expected, Test("department", op, value, attributeValue));

        [Theory]
        [InlineData("Greater_Than", "1000000", "1500000", true)]
        [InlineData("Greater_Than", "1000000", "1000000", false)]
        [InlineData("Greater_Than", "1000000", "abc", false)]
        [InlineData("Greater_Than", "1000000", null, false)]
        [InlineData("Greater_Than_OR_EQUALS", "1000000", "1000000", true)]
        [InlineData("Greater_Than_OR_EQUALS", "1000000", "999999", false)]
        [InlineData("Greater_Than_OR_EQUALS", "5", 7L, true)]
        public void Integer_operators_need_integers_on_both_sides(string op, string value, object attributeValue, bool expected) =>
            Assert.Equal(expected, Test("employeeId", op, value, attributeValue));

        [Theory]
        [InlineData("IS TRUE", true, true)]
        [InlineData("IS TRUE", false, false)]
        [InlineData("IS TRUE", "True", true)]
        [InlineData("IS TRUE", null, false)]
        [InlineData("IS FALSE", false, true)]
        [InlineData("IS FALSE", "false", true)]
        [InlineData("IS FALSE", true, false)]
        [InlineData("IS FALSE", null, false)]
        [InlineData("IS NULL", null, true)]
        [InlineData("IS NULL", "", true)]
        [InlineData("IS NULL", "x", false)]
        [InlineData("IS NOT NULL", "x", true)]
        [InlineData("IS NOT NULL", null, false)]
        [InlineData("IS NOT NULL", "", false)]
        public void Boolean_and_null_operators(string op, object attributeValue, bool expected) =>
            Assert.Equal(expected, Test("flag", op, null, attributeValue));

        [Theory]
        [InlineData("EQUALS", ScopingOperator.Equal)]
        [InlineData("Equals", ScopingOperator.Equal)]
        [InlineData("not equals", ScopingOperator.NotEqual)]
        [InlineData("NotEquals", ScopingOperator.NotEqual)]
        [InlineData("IsTrue", ScopingOperator.IsTrue)]
        [InlineData("IS TRUE", ScopingOperator.IsTrue)]
        [InlineData("is_not_null", ScopingOperator.IsNotNull)]
        [InlineData("greater_than_or_equals", ScopingOperator.GreaterThanOrEquals)]
        [InlineData("GreaterThan", ScopingOperator.GreaterThan)]
        [InlineData("RegexMatch", ScopingOperator.RegexMatch)]
        [InlineData("Not Regex Match", ScopingOperator.NotRegexMatch)]
        [InlineData("&", ScopingOperator.ContainedIn)]
        [InlineData("!&", ScopingOperator.NotContainedIn)]
        [InlineData("ends_with", ScopingOperator.EndsWith)]
        [InlineData("Contains", ScopingOperator.Includes)]
        public void Operator_names_parse_case_insensitively_with_aliases(string name, ScopingOperator expected)
        {
            Assert.True(ScopingOperators.TryParse(name, out var op));
            Assert.Equal(expected, op);
        }

        [Fact]
        public void Every_operator_has_its_Graph_spelling()
        {
            Assert.Equal(
                new[] { "&", "!&", "ENDS_WITH", "EQUALS", "NOT EQUALS", "Greater_Than", "Greater_Than_OR_EQUALS", "Includes", "IS TRUE", "IS FALSE", "IS NULL", "IS NOT NULL", "REGEX MATCH", "NOT REGEX MATCH" },
                ScopingOperators.GraphOperatorNames);
            foreach (ScopingOperator op in Enum.GetValues(typeof(ScopingOperator)))
            {
                Assert.True(ScopingOperators.TryParse(op.ToGraphName(), out var parsed));
                Assert.Equal(op, parsed);
            }
        }

        [Fact]
        public void Clauses_AND_within_a_filter_and_filters_OR()
        {
            var set = new ScopingFilterSet(
                new ScopingFilter(new ScopingClause("state", "EQUALS", "New York"), new ScopingClause("department", "EQUALS", "Engineering")),
                new ScopingFilter(new ScopingClause("jobTitle", "EQUALS", "CEO"))).Compile();

            Assert.True(set.Evaluate(User("state", "New York", "department", "Engineering")).IsInScope);
            Assert.False(set.Evaluate(User("state", "New York", "department", "Sales")).IsInScope);
            var ceo = set.Evaluate(User("state", "Ohio", "jobTitle", "CEO"));
            Assert.True(ceo.IsInScope);
            Assert.Equal(2, ceo.PassedFilterIndex);
        }

        [Fact]
        public void Out_of_scope_result_names_the_failing_clause_of_each_filter()
        {
            var set = new ScopingFilterSet(
                new ScopingFilter(new ScopingClause("state", "EQUALS", "New York"), new ScopingClause("department", "EQUALS", "Engineering")),
                new ScopingFilter(new ScopingClause("jobTitle", "IS NOT NULL"))).Compile();

            var result = set.Evaluate(User("state", "New York", "department", "Sales"));
            Assert.False(result.IsInScope);
            Assert.Equal(2, result.Failures.Count);
            Assert.Equal(1, result.Failures[0].FilterIndex);
            Assert.Equal(2, result.Failures[0].ClauseIndex);
            Assert.Equal("department", result.Failures[0].Clause.SourceAttribute);
            Assert.Equal("the attribute does not equal the value", result.Failures[0].Reason);
            Assert.Equal(2, result.Failures[1].FilterIndex);
            Assert.Equal(
                "Out of scope: filter 1, clause 2 (department EQUALS 'Engineering'): the attribute does not equal the value; " +
                "filter 2, clause 1 (jobTitle IS NOT NULL): the attribute is null or empty.",
                result.Explain());
            Assert.DoesNotContain("Sales", result.Explain()); // source values stay out of explanations
        }

        [Fact]
        public void Empty_filter_set_puts_everything_in_scope()
        {
            var result = new ScopingFilterSet().Compile().Evaluate(User());
            Assert.True(result.IsInScope);
            Assert.Equal("In scope: no scoping filters.", result.Explain());
        }

        [Fact]
        public void Multi_valued_value_makes_a_clause_false() =>
            Assert.False(Test("proxyAddresses", "Includes", "x", new[] { "x" }));

        [Fact]
        public void Attribute_names_match_case_insensitively() =>
            Assert.True(new ScopingFilterSet(new ScopingFilter(new ScopingClause("DEPARTMENT", "EQUALS", "Sales"))).Compile()
                .Evaluate(User("department", "Sales")).IsInScope);

        [Theory]
        [InlineData("department", "EQUAL TO", "Sales", "unknown operator 'EQUAL TO'; use one of: &, !&, ENDS_WITH")]
        [InlineData("department", "EQUALS", null, "operator 'EQUALS' needs a value.")]
        [InlineData("department", "Includes", "", "operator 'Includes' needs a value.")]
        [InlineData("employeeId", "Greater_Than", "ten", "operator 'Greater_Than' needs an integer value, not 'ten'.")]
        [InlineData("department", "REGEX MATCH", "([a-z", "'([a-z' is not a valid regular expression")]
        [InlineData("manager", "IS NOT NULL", null, "'manager' cannot be used in scoping filters")]
        [InlineData("memberOf", "Includes", "x", "'memberOf' cannot be used in scoping filters")]
        [InlineData("userType", "EQUALS", "Guest", "'userType' cannot be used in scoping filters")]
        [InlineData("appRoleAssignments", "IS NOT NULL", null, "'appRoleAssignments' cannot be used")]
        [InlineData("", "IS NULL", null, "no source attribute is given.")]
        public void Invalid_clauses_are_rejected_with_filter_clause_and_attribute(string attribute, string op, string value, string problem)
        {
            var set = new ScopingFilterSet(
                new ScopingFilter(new ScopingClause("state", "IS NOT NULL")),
                new ScopingFilter(new ScopingClause("state", "IS NOT NULL"), new ScopingClause(attribute, op, value)));
            var e = Assert.Throws<ScopingFilterValidationException>(() => set.Compile());
            Assert.Equal(2, e.FilterIndex);
            Assert.Equal(2, e.ClauseIndex);
            Assert.StartsWith($"Scoping filter 2, clause 2 (attribute '{attribute}'): ", e.Message);
            Assert.Contains(problem, e.Message);
        }

        [Theory]
        [InlineData("proxyAddresses", "multi-valued attributes cannot be used")]
        [InlineData("employeeHireDate", "date attributes cannot be used")]
        [InlineData("nickname", "the attribute is not in the source schema")]
        public void Schema_rejects_multi_valued_date_and_unknown_attributes(string attribute, string problem)
        {
            var set = new ScopingFilterSet(new ScopingFilter(new ScopingClause(attribute, "IS NOT NULL")));
            var e = Assert.Throws<ScopingFilterValidationException>(() => set.Compile(SourceAttributeSchema.CreateEntraUserDefault()));
            Assert.Equal(attribute, e.Attribute);
            Assert.Contains(problem, e.Message);
        }

        [Fact]
        public void A_filter_without_clauses_is_rejected()
        {
            var e = Assert.Throws<ScopingFilterValidationException>(() => new ScopingFilterSet(new ScopingFilter()).Compile());
            Assert.Equal("Scoping filter 1: the filter has no clauses (it would put every object in scope).", e.Message);
        }

        [Fact]
        public void Scoping_on_IsSoftDeleted_reads_the_computed_attribute()
        {
            var set = new ScopingFilterSet(new ScopingFilter(new ScopingClause("IsSoftDeleted", "IS FALSE"))).Compile(SourceAttributeSchema.CreateEntraUserDefault());
            Assert.True(set.Evaluate(new SourceObject()).IsInScope);
            Assert.False(set.Evaluate(new SourceObject { IsSoftDeleted = true }).IsInScope);
        }
    }
}
