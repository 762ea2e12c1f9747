using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Syntax
{
    /// <summary>
    /// Recursive-descent parser for Entra's mapping expression syntax:
    /// <c>Name(arg, …)</c>, <c>[attribute]</c>, <c>"string"</c> (\ escapes \ and "), whole numbers, <c>&amp;H</c> hex,
    /// empty arguments, bare identifiers, and one comparison (= &lt;&gt; &gt; &gt;= &lt; &lt;=) per operand pair.
    /// </summary>
    internal sealed class ExpressionParser
    {
        public const int MaxLength = 10000;

        private readonly string _text;
        private int _pos; // 0-based
        private int _depth; // function calls open around the current position

        private ExpressionParser(string text) => _text = text;

        public static SyntaxNode Parse(string text)
        {
            if (text == null) throw new ExpressionParseException("Expected an expression at position 1 but found nothing (null).", 1);
            if (text.Length > MaxLength)
                throw new ExpressionParseException(
                    $"The expression is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is 10,000.", MaxLength + 1);
            var parser = new ExpressionParser(text);
            parser.SkipWhitespace();
            var node = parser.ParseExpression();
            parser.SkipWhitespace();
            if (!parser.AtEnd)
            {
                var c = parser.Current;
                if (c == ')')
                    throw parser.Error("Unbalanced ')': expected end of expression");
                throw parser.Error("Expected end of expression");
            }
            return node;
        }

        private bool AtEnd => _pos >= _text.Length;

        private char Current => _text[_pos];

        private int Position => _pos + 1;

        private static bool IsComparisonStart(char c) => c == '=' || c == '<' || c == '>';

        private SyntaxNode ParseExpression()
        {
            var left = ParseOperand();
            SkipWhitespace();
            if (AtEnd || !IsComparisonStart(Current)) return left;

            var opPosition = Position;
            string op;
            var c = Current;
            var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
            if (c == '<' && next == '>') op = "<>";
            else if ((c == '<' || c == '>') && next == '=') op = c + "=";
            else if (c == '=' && next == '=') throw Error("Use '=' (not '==') for comparison; expected an expression");
            else op = c.ToString();
            _pos += op.Length;
            SkipWhitespace();
            var right = ParseOperand();
            SkipWhitespace();
            if (!AtEnd && IsComparisonStart(Current))
                throw Error("Comparisons cannot be chained; nest IIF instead. Expected ')', ',' or end of expression");
            return new ComparisonSyntax(opPosition, left, op, right);
        }

        private SyntaxNode ParseOperand()
        {
            SkipWhitespace();
            if (AtEnd) throw Error("Expected an expression");
            var c = Current;
            if (c == '[') return ParseAttribute();
            if (c == '"') return ParseString();
            if (char.IsDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))) return ParseNumber();
            if (c == '&') return ParseHex();
            if (char.IsLetter(c) || c == '_') return ParseNameOrCall();
            throw Error("Expected an expression ([attribute], \"string\", number or Function(...))");
        }

        private SyntaxNode ParseAttribute()
        {
            var start = Position;
            _pos++; // [
            var nameStart = _pos;
            while (!AtEnd && Current != ']')
            {
                if (Current == '[') throw Error("Expected ']'");
                _pos++;
            }
            if (AtEnd) throw Error("Expected ']'");
            var name = _text.Substring(nameStart, _pos - nameStart).Trim();
            if (name.Length == 0) throw new ExpressionParseException($"Expected an attribute name at position {start + 1} but found ']'.", start + 1);
            _pos++; // ]
            return new AttributeSyntax(start, name);
        }

        private SyntaxNode ParseString()
        {
            var start = Position;
            _pos++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                    throw new ExpressionParseException(
                        $"Expected '\"' to close the string that starts at position {start} but found end of expression.", Position);
                var c = Current;
                if (c == '"')
                {
                    _pos++;
                    return new StringSyntax(start, sb.ToString());
                }
                if (c == '\\')
                {
                    if (_pos + 1 >= _text.Length)
                        throw new ExpressionParseException(
                            $"Expected '\\\\' or '\\\"' after the backslash at position {Position} but found end of expression.", Position);
                    var escaped = _text[_pos + 1];
                    if (escaped != '\\' && escaped != '"')
                        throw new ExpressionParseException(
                            $"Invalid escape '\\{escaped}' at position {Position}: in a string, a backslash only escapes \\ or \"; write \\\\ for a literal backslash.",
                            Position);
                    sb.Append(escaped);
                    _pos += 2;
                    continue;
                }
                sb.Append(c);
                _pos++;
            }
        }

        private SyntaxNode ParseNumber()
        {
            var start = Position;
            var begin = _pos;
            if (Current == '-') _pos++;
            while (!AtEnd && char.IsDigit(Current)) _pos++;
            if (!AtEnd && (Current == '.' || char.IsLetter(Current) || Current == '_'))
                throw Error("Expected a whole number (digits only)");
            var digits = _text.Substring(begin, _pos - begin);
            if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw new ExpressionParseException($"The number at position {start} is too large.", start);
            return new NumberSyntax(start, value);
        }

        private SyntaxNode ParseHex()
        {
            var start = Position;
            if (_pos + 1 >= _text.Length || (_text[_pos + 1] != 'H' && _text[_pos + 1] != 'h'))
            {
                _pos++;
                throw Error("Expected 'H' after '&' (hex literal such as &HF7)");
            }
            _pos += 2;
            var begin = _pos;
            while (!AtEnd && IsHexDigit(Current)) _pos++;
            if (_pos == begin) throw Error("Expected hex digits after '&H'");
            if (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_')) throw Error("Expected hex digits (0-9, A-F)");
            if (!long.TryParse(_text.Substring(begin, _pos - begin), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
                throw new ExpressionParseException($"The hex number at position {start} is too large.", start);
            return new NumberSyntax(start, value);
        }

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private SyntaxNode ParseNameOrCall()
        {
            var start = Position;
            var begin = _pos;
            while (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_')) _pos++;
            var name = _text.Substring(begin, _pos - begin);
            SkipWhitespace();
            if (AtEnd || Current != '(') return new IdentifierSyntax(start, name);

            _pos++; // (
            if (++_depth > ExpressionLimits.MaxNestingDepth)
                throw new ExpressionParseException(
                    $"{name} at position {start} is nested more than {ExpressionLimits.MaxNestingDepth} function calls deep; simplify the expression.", start);
            try
            {
                return ParseCall(start, name);
            }
            finally
            {
                _depth--;
            }
        }

        private SyntaxNode ParseCall(int start, string name)
        {
            var args = new List<SyntaxNode>();
            SkipWhitespace();
            if (!AtEnd && Current == ')')
            {
                _pos++;
                return new CallSyntax(start, name, args);
            }
            while (true)
            {
                SkipWhitespace();
                if (AtEnd) throw Error("Expected an argument or ')'");
                args.Add(Current == ',' || Current == ')' ? new OmittedSyntax(Position) : ParseExpression());
                SkipWhitespace();
                if (AtEnd) throw Error("Expected ')' or ','");
                if (Current == ',')
                {
                    _pos++;
                    continue;
                }
                if (Current == ')')
                {
                    _pos++;
                    return new CallSyntax(start, name, args);
                }
                throw Error("Expected ')' or ','");
            }
        }

        private void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(Current)) _pos++;
        }

        private ExpressionParseException Error(string expected)
        {
            var found = AtEnd ? "end of expression" : $"'{Current}'";
            return new ExpressionParseException($"{expected} at position {Position} but found {found}.", Position);
        }
    }
}
