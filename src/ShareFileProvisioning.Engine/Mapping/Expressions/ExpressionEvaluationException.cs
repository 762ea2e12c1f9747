using System;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// A compiled expression failed for one source object (e.g. CDate of a string that is no date).
    /// Messages name the function and argument but never contain attribute values (they may be redacted).
    /// </summary>
    public sealed class ExpressionEvaluationException : Exception
    {
        public ExpressionEvaluationException(string functionName, int position, string message, Exception inner = null)
            : base(message, inner)
        {
            FunctionName = functionName;
            Position = position;
        }

        /// <summary>The function that failed (null for a comparison).</summary>
        public string FunctionName { get; }

        /// <summary>1-based position of the failing function in the expression text.</summary>
        public int Position { get; }
    }
}
