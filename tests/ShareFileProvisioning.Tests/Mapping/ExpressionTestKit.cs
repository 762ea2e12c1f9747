using System.Collections.Generic;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;

namespace ShareFileProvisioning.Tests.Mapping
{
    /// <summary>Shorthands for expression tests: a fixed clock and seeded randomness.</summary>
    internal static class ExpressionTestKit
    {
        public static readonly DateTimeOffset FixedNow = new DateTimeOffset(2021, 7, 2, 15, 33, 38, TimeSpan.Zero);

        public static EvaluationContext Context(int seed = 42) => EvaluationContext.CreateDeterministic(FixedNow, seed);

        public static SourceObject User(params object[] nameValuePairs)
        {
            var user = new SourceObject();
            for (var i = 0; i < nameValuePairs.Length; i += 2) user.Set((string)nameValuePairs[i], nameValuePairs[i + 1]);
            return user;
        }

        public static ExpressionResult Eval(string expression, params object[] nameValuePairs) =>
            ExpressionCompiler.Compile(expression).Evaluate(User(nameValuePairs), Context());

        /// <summary>The result as Entra's string form.</summary>
        public static string EvalString(string expression, params object[] nameValuePairs) => Eval(expression, nameValuePairs).AsString();

        public static ExpressionParseException CompileError(string expression, IEnumerable<string> knownAttributes = null) =>
            Assert.Throws<ExpressionParseException>(() => ExpressionCompiler.Compile(expression, knownAttributes));

        public static ExpressionEvaluationException EvalError(string expression, params object[] nameValuePairs) =>
            Assert.Throws<ExpressionEvaluationException>(() => Eval(expression, nameValuePairs));
    }
}
