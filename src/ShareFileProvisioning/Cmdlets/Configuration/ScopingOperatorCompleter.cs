using System.Collections.Generic;
using ShareFileProvisioning.Cmdlets.Completion;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Completes -Operator with Entra's scoping operator names (quoted where they contain spaces).</summary>
    public sealed class ScopingOperatorCompleter : NameCompleter
    {
        private protected override IEnumerable<string> Names() => Engine.Mapping.Scoping.ScopingOperators.GraphOperatorNames;

        private protected override string CompletionText(string name) => name.Contains(" ") || name.Contains("&") ? "'" + name + "'" : name;
    }
}
