using System;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>
    /// Adds or replaces a user attribute mapping. Without -LookupOnly it replaces the mapping that writes the target;
    /// with -LookupOnly it replaces the lookup-only mapping of that target with the same matching precedence.
    /// Settings not given keep their current values when a mapping is replaced.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "ShareFileAttributeMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DirectSet)]
    [OutputType(typeof(ShareFileAttributeMapping))]
    public sealed class SetShareFileAttributeMappingCommand : ConfigurationCmdlet
    {
        private const string DirectSet = "Direct";
        private const string ConstantSet = "Constant";
        private const string ExpressionSet = "Expression";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Email", "FirstName", "LastName", "Company", "UserType", "Enabled", "DefaultZone", "StorageQuotaLimitGB", "CanCreateFolders", "CanUseFileBox", "CanManageUsers")]
        public string TargetAttribute { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DirectSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SourceAttribute { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ConstantSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Constant { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ExpressionSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Expression { get; set; }

        /// <summary>Written on create when the source is null ('' clears).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string DefaultValue { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Always", "OnCreateOnly")]
        public string Apply { get; set; }

        /// <summary>0 = not used for matching; 1, 2, … = lookup order.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, 100)]
        public int MatchingPrecedence { get; set; }

        /// <summary>Used for matching only, never written.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter LookupOnly { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Has(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            var target = (Engine.Configuration.TargetAttribute)Enum.Parse(typeof(Engine.Configuration.TargetAttribute), TargetAttribute, true);
            var lookupOnly = LookupOnly.IsPresent;
            var index = c.UserMappings.FindIndex(m => m != null && m.Target == target && m.LookupOnly == lookupOnly &&
                                                       (!lookupOnly || !Has(nameof(MatchingPrecedence)) || m.MatchingPrecedence == MatchingPrecedence));
            var existing = index >= 0 ? c.UserMappings[index] : null;
            var mapping = new AttributeMapping
            {
                Target = target,
                LookupOnly = lookupOnly,
                DefaultValue = Has(nameof(DefaultValue)) ? (DefaultValue.Length == 0 ? null : DefaultValue) : existing?.DefaultValue,
                Apply = Has(nameof(Apply)) ? (MappingApply)Enum.Parse(typeof(MappingApply), Apply, true) : existing?.Apply ?? MappingApply.Always,
                MatchingPrecedence = Has(nameof(MatchingPrecedence)) ? MatchingPrecedence : existing?.MatchingPrecedence ?? 0,
            };
            switch (ParameterSetName)
            {
                case ConstantSet:
                    mapping.Type = MappingType.Constant;
                    mapping.Constant = Constant;
                    break;
                case ExpressionSet:
                    mapping.Type = MappingType.Expression;
                    mapping.Expression = Expression;
                    break;
                default:
                    mapping.Type = MappingType.Direct;
                    mapping.SourceAttribute = SourceAttribute;
                    break;
            }

            if (index >= 0) c.UserMappings[index] = mapping;
            else c.UserMappings.Add(mapping);
            var verb = index >= 0 ? "Replace" : "Add";
            if (TrySave(c, $"{verb} attribute mapping {mapping.DescribeSource()} -> {target}{(lookupOnly ? " (lookup only)" : "")}") && PassThru)
                WriteObject(ConfigurationOutputMapper.ToOutput(mapping));
        }
    }
}
