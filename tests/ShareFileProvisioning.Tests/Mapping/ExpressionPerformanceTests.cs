using System.Collections.Generic;
using System.Diagnostics;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class ExpressionPerformanceTests
    {
        [Fact]
        public void Six_mappings_and_a_scoping_filter_over_100000_users_take_well_under_a_second()
        {
            var expressions = new[]
            {
                ExpressionCompiler.Compile("[userPrincipalName]"),
                ExpressionCompiler.Compile("Coalesce([mail], [userPrincipalName])"),
                ExpressionCompiler.Compile("[givenName]"),
                ExpressionCompiler.Compile("ToLower(NormalizeDiacritics([surname]))"),
                ExpressionCompiler.Compile("IIF([companyName] = \"Contoso\", \"Employee\", Replace([companyName], , \"[^A-Za-z]\", , \"\", , ))"),
                ExpressionCompiler.Compile("Not([IsSoftDeleted])"),
            };
            var scoping = new ScopingFilterSet(new ScopingFilter(new ScopingClause("userPrincipalName", "REGEX MATCH", "@contoso\\.com$"))).Compile();
            var users = new List<SourceObject>(100000);
            for (var i = 0; i < 100000; i++)
            {
                users.Add(new SourceObject()
                    .Set("userPrincipalName", $"user{i}@contoso.com")
                    .Set("mail", i % 3 == 0 ? null : $"user{i}@contoso.com")
                    .Set("givenName", "User")
                    .Set("surname", i % 2 == 0 ? "Müller" : "Smith")
                    .Set("companyName", i % 5 == 0 ? "Fabrikam-2" : "Contoso"));
            }
            var context = EvaluationContext.Default;

            var stopwatch = Stopwatch.StartNew();
            var inScope = 0;
            foreach (var user in users)
            {
                if (scoping.IsInScope(user)) inScope++;
                foreach (var expression in expressions) expression.Evaluate(user, context);
            }
            stopwatch.Stop();

            Assert.Equal(100000, inScope);
            // Typically ~0.2 s; the bound leaves room for a busy shared CI machine.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        }

        [Fact]
        public void One_compiled_expression_serves_parallel_threads()
        {
            var compiled = ExpressionCompiler.Compile("ToUpper(Replace([s], , \"(?<n>\\\\d+)\", \"n\", \"#\", , ))");
            var results = new string[20000];
            System.Threading.Tasks.Parallel.For(0, results.Length, i =>
                results[i] = compiled.Evaluate(new SourceObject().Set("s", $"user{i}x"), EvaluationContext.Default).AsString());
            for (var i = 0; i < results.Length; i++) Assert.Equal("USER#X", results[i]);
        }
    }
}
