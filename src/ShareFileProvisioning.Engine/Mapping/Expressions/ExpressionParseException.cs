using System;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// An expression could not be compiled: a syntax error, an unknown or unsupported function, a wrong argument
    /// count, an unknown attribute or an invalid literal argument (e.g. a bad regex). <see cref="Position"/> is
    /// 1-based and also part of the message.
    /// </summary>
    public sealed class ExpressionParseException : Exception
    {
        public ExpressionParseException(string message, int position)
            : base(message)
        {
            Position = position;
        }

        /// <summary>1-based character position the error refers to.</summary>
        public int Position { get; }
    }
}
