using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping.Expressions.Syntax
{
    /// <summary>Parse tree of an expression; positions are 1-based for error messages.</summary>
    internal abstract class SyntaxNode
    {
        protected SyntaxNode(int position) => Position = position;

        public int Position { get; }
    }

    internal sealed class AttributeSyntax : SyntaxNode
    {
        public AttributeSyntax(int position, string name) : base(position) => Name = name;

        public string Name { get; }
    }

    internal sealed class StringSyntax : SyntaxNode
    {
        public StringSyntax(int position, string value) : base(position) => Value = value;

        public string Value { get; }
    }

    internal sealed class NumberSyntax : SyntaxNode
    {
        public NumberSyntax(int position, long value) : base(position) => Value = value;

        public long Value { get; }
    }

    /// <summary>A bare name that is not a call, e.g. <c>vbTextCompare</c> in InStr.</summary>
    internal sealed class IdentifierSyntax : SyntaxNode
    {
        public IdentifierSyntax(int position, string name) : base(position) => Name = name;

        public string Name { get; }
    }

    /// <summary>An argument left empty, as in <c>Replace([mail], "@x.com", , , "", , )</c>.</summary>
    internal sealed class OmittedSyntax : SyntaxNode
    {
        public OmittedSyntax(int position) : base(position)
        {
        }
    }

    internal sealed class CallSyntax : SyntaxNode
    {
        public CallSyntax(int position, string name, IReadOnlyList<SyntaxNode> arguments) : base(position)
        {
            Name = name;
            Arguments = arguments;
        }

        public string Name { get; }

        public IReadOnlyList<SyntaxNode> Arguments { get; }
    }

    /// <summary><c>left op right</c> with op one of = &lt;&gt; &gt; &gt;= &lt; &lt;= (IIF conditions).</summary>
    internal sealed class ComparisonSyntax : SyntaxNode
    {
        public ComparisonSyntax(int position, SyntaxNode left, string op, SyntaxNode right) : base(position)
        {
            Left = left;
            Operator = op;
            Right = right;
        }

        public SyntaxNode Left { get; }

        public string Operator { get; }

        public SyntaxNode Right { get; }
    }
}
