using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Tests.Mapping
{
    // Throughput is measured by ./build.ps1 Bench (machines here are too noisy for timed tests).
    public class ExpressionConcurrencyTests
    {
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
