using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Mapping.Expressions.Functions;
using ShareFileProvisioning.Engine.Mapping.Expressions.Syntax;

namespace ShareFileProvisioning.Engine.Mapping.Expressions
{
    /// <summary>
    /// Compiles Entra attribute-mapping expressions (docs/entra-provisioning.md, 'Attribute mappings and expressions'). A bare <c>[attribute]</c> or literal
    /// is a valid whole expression (Direct/Constant mappings). Function names are case-sensitive.
    /// </summary>
    public static class ExpressionCompiler
    {
        /// <summary>Maximum expression length Entra allows.</summary>
        public const int MaxLength = ExpressionParser.MaxLength;

        /// <summary>Supported function names (exact spelling) → signature.</summary>
        public static IReadOnlyDictionary<string, string> SupportedFunctions { get; } =
            FunctionCatalog.All.Values.ToDictionary(d => d.Name, d => d.Signature, StringComparer.Ordinal);

        /// <summary>Compiles against a source schema: attributes not in it are errors.</summary>
        public static CompiledExpression Compile(string expression, SourceAttributeSchema schema) =>
            Compile(expression, schema?.Names);

        /// <summary>
        /// Parses and validates <paramref name="expression"/>. With <paramref name="knownAttributes"/>, any other
        /// attribute (case-insensitive; IsSoftDeleted is always known) is an error.
        /// </summary>
        /// <exception cref="ExpressionParseException">Syntax error, unknown/unsupported function, wrong argument
        /// count, unknown attribute or invalid literal argument; the message has the 1-based position.</exception>
        public static CompiledExpression Compile(string expression, IEnumerable<string> knownAttributes = null)
        {
            var syntax = ExpressionParser.Parse(expression);
            HashSet<string> known = null;
            if (knownAttributes != null)
            {
                known = new HashSet<string>(knownAttributes, StringComparer.OrdinalIgnoreCase) { SourceObject.IsSoftDeletedAttribute };
            }
            var binder = new Binder(known);
            var root = binder.Bind(syntax, ignoreFlowAllowed: true, parentName: null);
            return new CompiledExpression(expression, root, binder.Redacted, binder.Volatile, binder.Attributes);
        }

        private sealed class Binder
        {
            private readonly HashSet<string> _known;
            private readonly HashSet<string> _seenAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public Binder(HashSet<string> known) => _known = known;

            public bool Redacted { get; private set; }

            public bool Volatile { get; private set; }

            public List<string> Attributes { get; } = new List<string>();

            public Node Bind(SyntaxNode syntax, bool ignoreFlowAllowed, string parentName)
            {
                switch (syntax)
                {
                    case AttributeSyntax a: return BindAttribute(a);
                    case StringSyntax s: return new ConstantNode(s.Value) { Position = s.Position };
                    case NumberSyntax n: return new ConstantNode(n.Value) { Position = n.Position };
                    case OmittedSyntax o: return new OmittedNode { Position = o.Position };
                    case IdentifierSyntax i: return BindIdentifier(i);
                    case ComparisonSyntax c:
                        return new ComparisonNode(Bind(c.Left, false, null), c.Operator, Bind(c.Right, false, null)) { Position = c.Position };
                    case CallSyntax call: return BindCall(call, ignoreFlowAllowed, parentName);
                    default: throw new InvalidOperationException("Unknown syntax node " + syntax.GetType().Name);
                }
            }

            private Node BindAttribute(AttributeSyntax a)
            {
                if (_known != null && !_known.Contains(a.Name))
                {
                    var near = NameSuggestions.Near(a.Name, _known);
                    var hint = near.Count > 0
                        ? " Did you mean " + string.Join(" or ", near.Select(n => "[" + n + "]")) + "?"
                        : " It is not in the source schema.";
                    throw new ExpressionParseException($"Unknown attribute [{a.Name}] at position {a.Position}.{hint}", a.Position);
                }
                if (_seenAttributes.Add(a.Name)) Attributes.Add(a.Name);
                return new AttributeNode(a.Name) { Position = a.Position };
            }

            private static Node BindIdentifier(IdentifierSyntax i)
            {
                switch (i.Name)
                {
                    case "vbBinaryCompare":
                    case "vbTextCompare":
                        return new ConstantNode(i.Name) { Position = i.Position };
                    case "True":
                        return new ConstantNode(ExpressionValues.True) { Position = i.Position };
                    case "False":
                        return new ConstantNode(ExpressionValues.False) { Position = i.Position };
                }
                if (FunctionCatalog.All.ContainsKey(i.Name))
                    throw new ExpressionParseException($"Function '{i.Name}' at position {i.Position} needs parentheses: {i.Name}(…).", i.Position);
                throw new ExpressionParseException(
                    $"Unknown name '{i.Name}' at position {i.Position}: expected a function call {i.Name}(…), an [attribute], a \"string\", a number, " +
                    "True, False, vbTextCompare or vbBinaryCompare.", i.Position);
            }

            private Node BindCall(CallSyntax call, bool ignoreFlowAllowed, string parentName)
            {
                var definition = Resolve(call);
                if (call.Arguments.Count < definition.MinArgs || call.Arguments.Count > definition.MaxArgs)
                {
                    string expected;
                    if (definition.MinArgs == definition.MaxArgs) expected = Plural(definition.MinArgs);
                    else if (definition.MaxArgs == int.MaxValue) expected = "at least " + Plural(definition.MinArgs);
                    else expected = $"{definition.MinArgs} to {Plural(definition.MaxArgs)}";
                    throw new ExpressionParseException(
                        $"{definition.Name} at position {call.Position} takes {expected} but got {call.Arguments.Count}; signature {definition.Signature}.",
                        call.Position);
                }
                if (call.Name == "IgnoreFlowIfNullOrEmpty" && !ignoreFlowAllowed)
                    throw new ExpressionParseException(
                        $"IgnoreFlowIfNullOrEmpty at position {call.Position} must be the outermost function (or a result of IIF, Switch, Coalesce "
                            + "or Redact); " +
                        $"inside {(parentName == null ? "a comparison" : parentName)} it could not drop the attribute.", call.Position);
                if (call.Name == "Redact") Redacted = true;
                if (FunctionCatalog.Volatile.Contains(call.Name)) Volatile = true;

                var node = definition.Create();
                node.Name = definition.Name;
                node.Position = call.Position;
                var args = new Node[call.Arguments.Count];
                for (var i = 0; i < args.Length; i++)
                    args[i] = Bind(call.Arguments[i], ignoreFlowAllowed && node.PassesThrough(i), definition.Name);
                node.Args = args;
                node.Validate();
                return node;
            }

            private static string Plural(int n) => n == 1 ? "1 argument" : $"{n} arguments";

            private static FunctionDefinition Resolve(CallSyntax call)
            {
                if (FunctionCatalog.All.TryGetValue(call.Name, out var definition)) return definition;
                if (UnsupportedFunctions.TryGetReason(call.Name, out var reason))
                    throw new ExpressionParseException($"Function '{call.Name}' at position {call.Position} is not supported: {reason}.", call.Position);

                var caseInsensitive = FunctionCatalog.All.Keys.Concat(UnsupportedFunctions.Reasons.Keys)
                    .FirstOrDefault(n => string.Equals(n, call.Name, StringComparison.OrdinalIgnoreCase));
                if (caseInsensitive != null)
                    throw new ExpressionParseException(
                        $"Unknown function '{call.Name}' at position {call.Position}: function names are case-sensitive; did you mean '{caseInsensitive}'?",
                        call.Position);

                var near = NameSuggestions.Near(call.Name, FunctionCatalog.All.Keys);
                var hint = near.Count > 0
                    ? " Did you mean " + string.Join(" or ", near.Select(n => "'" + n + "'")) + "?"
                    : " Supported functions: " + string.Join(", ", FunctionCatalog.All.Keys.OrderBy(n => n, StringComparer.Ordinal)) + ".";
                throw new ExpressionParseException($"Unknown function '{call.Name}' at position {call.Position}.{hint}", call.Position);
            }
        }
    }
}
