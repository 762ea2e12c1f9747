using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Completes -Profile with the profiles that exist under the configuration root.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return ProfileNames()
                .Where(n => n.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        private static IReadOnlyList<string> ProfileNames()
        {
            try
            {
                return Engine.Configuration.ProfileLocator.ForCurrentUser().ListNames();
            }
            catch (System.Exception)
            {
                return new string[0]; // completion must never throw at the user
            }
        }
    }
}
