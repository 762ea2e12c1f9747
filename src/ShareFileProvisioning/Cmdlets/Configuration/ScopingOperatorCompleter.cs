using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Completes -Operator with Entra's scoping operator names (quoted where they contain spaces).</summary>
    public sealed class ScopingOperatorCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Names().Where(n => n.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n.Contains(" ") || n.Contains("&") ? "'" + n + "'" : n, n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        private static IEnumerable<string> Names() => Engine.Mapping.Scoping.ScopingOperators.GraphOperatorNames;
    }
}
