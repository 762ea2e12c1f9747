using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Cmdlets.Source;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Source;

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

        /// <summary>For a user given by UPN or object id: the source connection to read it from (default: the current one).</summary>
        [Parameter]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

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
            ISourceAttributes attributes;
            if (input is string text)
            {
                attributes = ReadFromSource(text);
                if (attributes == null) return;
            }
            else
            {
                attributes = SourceObjectConverter.Convert(User);
            }

            ExpressionResult result;
            try
            {
                result = _compiled.Evaluate(attributes);
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

        /// <summary>A UPN or object id: the user's attributes as the sync would read them from Entra ID.</summary>
        private ISourceAttributes ReadFromSource(string userPrincipalNameOrId)
        {
            var connection = SourceConnection ?? SourceConnectionRegistry.Get();
            if (connection == null)
            {
                WriteError(new ErrorRecord(new PSArgumentException(
                        $"'{userPrincipalNameOrId}' names a user in Entra ID, but there is no source connection: run Connect-ProvisioningSource first, or pass an object (e.g. @{{ userPrincipalName = '{userPrincipalNameOrId}'; givenName = 'Ada' }})."),
                    "UserLookupNeedsSource", ErrorCategory.InvalidArgument, userPrincipalNameOrId));
                return null;
            }

            try
            {
                var user = RunEngine((trace, ct) => connection.Source.ReadUserAttributesAsync(userPrincipalNameOrId, _compiled.ReferencedAttributes.ToList(), ct));
                if (user == null)
                {
                    WriteError(ErrorRecords.NotFound("SourceUserNotFound", $"Entra ID has no user '{userPrincipalNameOrId}'.", userPrincipalNameOrId));
                }

                return user;
            }
            catch (SourceException e)
            {
                WriteError(SourceErrorRecords.From(e, userPrincipalNameOrId));
                return null;
            }
        }

        private static object DisplayValue(ExpressionResult result)
        {
            if (result.Value == null) return null;
            if (result.IsRedacted) return "[Redact]";
            return result.Value is IReadOnlyList<string> list ? list.ToArray() : result.Value;
        }
    }
}
