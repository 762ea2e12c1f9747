using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Mapping.Expressions;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Evaluates one mapping expression against one user, to try expressions before saving them. The user is an
    /// object whose properties are source attributes (a hashtable, [pscustomobject] or Import-Csv row); the
    /// expression is checked against the profile's source schema (Entra's attributes plus configured extensions).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ShareFileAttributeMapping")]
    [OutputType(typeof(AttributeMappingTestResult))]
    public sealed class TestShareFileAttributeMappingCommand : ConfigurationCmdlet
    {
        private CompiledExpression _compiled;

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Expression { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object User { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!TryLoad(out var configuration))
            {
                ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException("The profile's configuration is invalid; fix it first (the errors above name the fields)."),
                    "ConfigurationInvalid", ErrorCategory.InvalidData, ResolvedProfile.ConfigurationPath));
            }
            try
            {
                _compiled = ExpressionCompiler.Compile(Expression, configuration.BuildSourceSchema());
            }
            catch (ExpressionParseException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ExpressionInvalid", ErrorCategory.InvalidArgument, Expression));
            }
        }

        private protected override object CurrentTarget => User;

        private protected override void ProcessRecordCore()
        {
            var input = User is PSObject ps ? ps.BaseObject : User;
            if (input is string text)
            {
                WriteError(new ErrorRecord(new PSArgumentException(
                        $"'{text}' is a string. Looking users up by UPN needs a source connection, which this version does not have yet: connect a source or pass an object (e.g. @{{ userPrincipalName = '{text}'; givenName = 'Ada' }})."),
                    "UserLookupNeedsSource", ErrorCategory.InvalidArgument, text));
                return;
            }

            ExpressionResult result;
            try
            {
                result = _compiled.Evaluate(SourceObjectConverter.Convert(User));
            }
            catch (ExpressionEvaluationException e)
            {
                WriteError(new ErrorRecord(e, "ExpressionFailed", ErrorCategory.InvalidResult, User));
                return;
            }

            WriteObject(new AttributeMappingTestResult
            {
                Expression = Expression,
                Value = DisplayValue(result),
                IsNull = result.IsNull,
                FlowIgnored = result.IsFlowIgnored,
                ReferencedAttributes = _compiled.ReferencedAttributes.ToArray(),
            });
        }

        private static object DisplayValue(ExpressionResult result)
        {
            if (result.Value == null) return null;
            if (result.IsRedacted) return "[Redact]";
            return result.Value is IReadOnlyList<string> list ? list.ToArray() : result.Value;
        }
    }
}
