using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ShareFileProvisioning.Cmdlets.Completion
{
    /// <summary>
    /// What every completer of this module does: the names that start with what was typed (quotes ignored, any case),
    /// offered as parameter values. A completer supplies only its names, and how a name is written on the command line.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Order(Names().Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .Select(n => new CompletionResult(CompletionText(n), n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        /// <summary>The candidates; never throws (completion must never fail at the user).</summary>
        private protected abstract IEnumerable<string> Names();

        private protected virtual IEnumerable<string> Order(IEnumerable<string> names) => names;

        /// <summary>The text inserted for a name; by default the name as it is.</summary>
        private protected virtual string CompletionText(string name) => name;
    }
}
