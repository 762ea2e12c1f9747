using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// The configuration compiled for one run: every expression parsed once, constants and defaults typed, scoping
    /// filters and the user-type rule built. Immutable and thread-safe; the planner evaluates it per user.
    /// </summary>
    public sealed class MappingSet
    {
        private readonly Dictionary<TargetAttribute, CompiledAttributeMapping> _written;

        private MappingSet(ProvisioningConfiguration config, SourceAttributeSchema schema, List<CompiledAttributeMapping> all,
            CompiledScopingFilterSet scoping, CompiledUserTypeRule userType, string fingerprint)
        {
            Configuration = config;
            Schema = schema;
            All = all;
            Written = all.Where(m => !m.LookupOnly).ToList();
            Matching = all.Where(m => m.MatchingPrecedence > 0).OrderBy(m => m.MatchingPrecedence).ToList();
            _written = Written.ToDictionary(m => m.Target);
            Scoping = scoping;
            UserType = userType;
            Fingerprint = fingerprint;
        }

        /// <summary>A private copy of the configuration this set was compiled from.</summary>
        public ProvisioningConfiguration Configuration { get; }

        public SourceAttributeSchema Schema { get; }

        /// <summary>Every user mapping, in configured order.</summary>
        public IReadOnlyList<CompiledAttributeMapping> All { get; }

        /// <summary>The mappings that write a target attribute (one per target; lookup-only ones excluded).</summary>
        public IReadOnlyList<CompiledAttributeMapping> Written { get; }

        /// <summary>Matching mappings in precedence order (1 first), including lookup-only ones.</summary>
        public IReadOnlyList<CompiledAttributeMapping> Matching { get; }

        public CompiledScopingFilterSet Scoping { get; }

        public CompiledUserTypeRule UserType { get; }

        /// <summary><see cref="ConfigurationFingerprint"/> of the configuration compiled.</summary>
        public string Fingerprint { get; }

        /// <summary>Fingerprints of the parts that decide how objects are evaluated (<see cref="ConfigurationFingerprint.EvaluationParts"/>).</summary>
        public Dictionary<string, string> EvaluationParts => _evaluationParts ?? (_evaluationParts = ConfigurationFingerprint.EvaluationParts(Configuration));

        private Dictionary<string, string> _evaluationParts;

        /// <summary>Source attributes any mapping, filter or the user-type rule reads (for Graph $select).</summary>
        public IReadOnlyCollection<string> ReferencedAttributes
        {
            get
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var m in All) names.UnionWith(m.ReferencedAttributes);
                names.UnionWith(Scoping.ReferencedAttributes);
                names.Remove(SourceObject.IsSoftDeletedAttribute);
                return names;
            }
        }

        /// <summary>The written mapping for <paramref name="target"/>, if any.</summary>
        public bool TryGetMapping(TargetAttribute target, out CompiledAttributeMapping mapping) => _written.TryGetValue(target, out mapping);

        /// <summary>Evaluates every written mapping for one user (results in configured order).</summary>
        /// <exception cref="MappingEvaluationException">A mapping failed for this user.</exception>
        public IReadOnlyList<MappedValue> Evaluate(ISourceAttributes user, bool isCreate, EvaluationContext context = null)
        {
            var values = new MappedValue[Written.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Written[i].Evaluate(user, isCreate, context);
            return values;
        }

        /// <summary>Validates and compiles. </summary>
        /// <exception cref="ConfigurationValidationException">The configuration is invalid.</exception>
        public static MappingSet Compile(ProvisioningConfiguration configuration)
        {
            if (configuration == null) throw new ArgumentNullException(nameof(configuration));
            var config = configuration.Clone();
            ConfigurationValidator.ThrowIfInvalid(config);
            var schema = config.BuildSourceSchema();
            var compiled = new List<CompiledAttributeMapping>(config.UserMappings.Count);
            foreach (var m in config.UserMappings)
            {
                CompiledExpression expression = null;
                object constant = null;
                switch (m.Type)
                {
                    case MappingType.Direct:
                        expression = ExpressionCompiler.Compile("[" + m.SourceAttribute + "]", schema);
                        break;
                    case MappingType.Expression:
                        expression = ExpressionCompiler.Compile(m.Expression, schema);
                        break;
                    default:
                        TargetValues.TryConvert(m.Target, m.Constant, out constant, out _);
                        break;
                }
                object defaultValue = null;
                if (m.DefaultValue != null) TargetValues.TryConvert(m.Target, m.DefaultValue, out defaultValue, out _);
                compiled.Add(new CompiledAttributeMapping(m, expression, constant, defaultValue));
            }

            var userTypeMapping = compiled.FirstOrDefault(c => c.Target == TargetAttribute.UserType && !c.LookupOnly);
            var userTypeExpression = string.IsNullOrWhiteSpace(config.UserType.Expression) ? null : ExpressionCompiler.Compile(config.UserType.Expression, schema);
            var userType = new CompiledUserTypeRule(config.UserType, userTypeExpression, userTypeMapping);
            var scoping = config.ScopingFilters.Compile(schema);
            return new MappingSet(config, schema, compiled, scoping, userType, ConfigurationFingerprint.Compute(config));
        }
    }
}
