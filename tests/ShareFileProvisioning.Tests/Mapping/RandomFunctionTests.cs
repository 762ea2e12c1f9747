using System.Linq;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using static ShareFileProvisioning.Tests.Mapping.ExpressionTestKit;

namespace ShareFileProvisioning.Tests.Mapping
{
    public class RandomFunctionTests
    {
        [Fact]
        public void Guid_comes_from_the_context()
        {
            var fixedGuid = new Guid("00aa00aa-bb11-cc22-dd33-44ee44ee44ee");
            var context = new EvaluationContext(newGuid: () => fixedGuid);
            Assert.Equal("00aa00aa-bb11-cc22-dd33-44ee44ee44ee", ExpressionCompiler.Compile("Guid()").Evaluate(User(), context).AsString());
        }

        [Fact]
        public void Guid_is_deterministic_per_seed_and_differs_between_calls()
        {
            var compiled = ExpressionCompiler.Compile("Guid()");
            var a = Context(1);
            var first = compiled.Evaluate(User(), a).AsString();
            Assert.NotEqual(first, compiled.Evaluate(User(), a).AsString());
            Assert.Equal(first, compiled.Evaluate(User(), Context(1)).AsString());
        }

        [Fact]
        public void RandomString_meets_every_minimum_and_avoids_characters()
        {
            var compiled = ExpressionCompiler.Compile("RandomString(10,2,2,2,1,\"?,\")");
            var context = Context(7);
            for (var i = 0; i < 50; i++)
            {
                var s = compiled.Evaluate(User(), context).AsString();
                Assert.Equal(10, s.Length);
                Assert.True(s.Count(char.IsDigit) >= 2, s);
                Assert.True(s.Count(char.IsUpper) >= 2, s);
                Assert.True(s.Count(char.IsLower) >= 1, s);
                Assert.True(s.Count(c => !char.IsLetterOrDigit(c)) >= 2, s);
                Assert.DoesNotContain('?', s);
                Assert.DoesNotContain(',', s);
            }
        }

        [Fact]
        public void RandomString_is_reproducible_with_the_same_seed()
        {
            var compiled = ExpressionCompiler.Compile("RandomString(6,3,0,0,3)");
            var s = compiled.Evaluate(User(), Context(3)).AsString();
            Assert.Equal(s, compiled.Evaluate(User(), Context(3)).AsString());
            Assert.Equal(3, s.Count(char.IsDigit));
            Assert.Equal(3, s.Count(char.IsLower));
        }

        [Theory]
        [InlineData("RandomString(300,0,0,0,0)", "Length must be between 1 and 256")]
        [InlineData("RandomString(4,2,2,2,0)", "the minimum counts add up to more than Length")]
        [InlineData("RandomString(4,-1,0,0,0)", "must not be negative")]
        public void RandomString_rejects_impossible_literal_requests(string expression, string message) =>
            Assert.Contains(message, CompileError(expression).Message);

        [Fact]
        public void RandomString_rejects_avoiding_a_whole_required_class() =>
            Assert.Contains("excludes every character of a class", EvalError("RandomString(4,1,0,0,0,\"0123456789\")").Message);
    }
}
