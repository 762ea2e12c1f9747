using System;
using System.Diagnostics;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// The running evaluation's clock and size checks. Evaluation is synchronous, so the guard of the evaluation in
    /// progress is per thread; functions call <see cref="Check"/> on every argument value and
    /// <see cref="EnsureFits"/> before building a string whose size they can predict.
    /// </summary>
    internal sealed class EvaluationGuard : IDisposable
    {
        [ThreadStatic]
        private static EvaluationGuard _current;

        private readonly EvaluationGuard _outer;
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        private EvaluationGuard(EvaluationGuard outer) => _outer = outer;

        public TimeSpan Elapsed => _watch.Elapsed;

        public static EvaluationGuard Begin() => _current = new EvaluationGuard(_current);

        public void Dispose() => _current = _outer;

        /// <summary>A value one function produced: too long, or computed past the evaluation's time, fails the evaluation.</summary>
        public static void Check(object value, string function, int position)
        {
            if (value is string s && s.Length > ExpressionLimits.MaxStringLength) throw TooLong(function, position);
            CheckTime(function, position);
        }

        public static void CheckTime(string function, int position)
        {
            var current = _current;
            if (current != null && current._watch.Elapsed > ExpressionLimits.PerEvaluation)
                throw new ExpressionEvaluationException(function, position,
                    $"{Where(function, position)}: the evaluation took longer than {ExpressionLimits.PerEvaluation.TotalSeconds:0} s and was stopped.");
        }

        /// <summary>Before building a string of <paramref name="length"/> characters.</summary>
        public static void EnsureFits(long length, string function, int position)
        {
            if (length > ExpressionLimits.MaxStringLength) throw TooLong(function, position);
        }

        private static ExpressionEvaluationException TooLong(string function, int position) =>
            new ExpressionEvaluationException(function, position,
                $"{Where(function, position)}: a value would be longer than {ExpressionLimits.MaxStringLength / 1024} KB and was not computed.");

        private static string Where(string function, int position) =>
            function == null ? $"The expression at position {position}" : $"{function} at position {position}";
    }
}
