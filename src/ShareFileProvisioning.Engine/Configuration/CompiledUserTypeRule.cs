using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>How a user's ShareFile kind is decided: a UserType mapping, the userType expression, group membership, or the default.</summary>
    public enum UserTypeRuleKind
    {
        Default,
        Mapping,
        Expression,
        Groups,
    }

    /// <summary>Decides Employee or Client for one user. Thread-safe.</summary>
    public sealed class CompiledUserTypeRule
    {
        private readonly CompiledExpression _expression;
        private readonly CompiledAttributeMapping _mapping;
        private readonly HashSet<string> _employeeGroups;
        private readonly HashSet<string> _clientGroups;

        internal CompiledUserTypeRule(UserTypeSettings settings, CompiledExpression expression, CompiledAttributeMapping mapping)
        {
            Default = settings.Default;
            _expression = expression;
            _mapping = mapping;
            _employeeGroups = new HashSet<string>(settings.EmployeeGroups.Select(g => g.Trim()), StringComparer.OrdinalIgnoreCase);
            _clientGroups = new HashSet<string>(settings.ClientGroups.Select(g => g.Trim()), StringComparer.OrdinalIgnoreCase);
            Kind = mapping != null ? UserTypeRuleKind.Mapping
                : expression != null ? UserTypeRuleKind.Expression
                : _employeeGroups.Count + _clientGroups.Count > 0 ? UserTypeRuleKind.Groups
                : UserTypeRuleKind.Default;
        }

        public UserTypeRuleKind Kind { get; }

        public UserKind Default { get; }

        /// <summary>True when the source must supply the user's group memberships.</summary>
        public bool NeedsGroupMembership => Kind == UserTypeRuleKind.Groups;

        /// <summary>
        /// The user's kind. <paramref name="memberOf"/>: display names and/or object ids of the user's groups (only read
        /// for the Groups rule). Employee groups win over client groups; null or empty results fall back to the default.
        /// </summary>
        /// <exception cref="MappingEvaluationException">The expression yields something other than Employee/Client.</exception>
        public UserKind Resolve(ISourceAttributes user, IEnumerable<string> memberOf = null, EvaluationContext context = null)
        {
            switch (Kind)
            {
                case UserTypeRuleKind.Mapping:
                    var mapped = _mapping.Evaluate(user, true, context);
                    return mapped.Value is UserKind k ? k : Default;
                case UserTypeRuleKind.Expression:
                    ExpressionResult result;
                    try
                    {
                        result = _expression.Evaluate(user, context);
                    }
                    catch (ExpressionEvaluationException e)
                    {
                        throw new MappingEvaluationException(TargetAttribute.UserType, _expression.Text, e.Message, e);
                    }
                    if (result.IsNull || result.IsFlowIgnored || (result.Value is string s && s.Length == 0)) return Default;
                    if (!TargetValues.TryConvert(TargetAttribute.UserType, result.Value, out var converted, out var problem))
                        throw new MappingEvaluationException(TargetAttribute.UserType, _expression.Text, problem);
                    return (UserKind)converted;
                case UserTypeRuleKind.Groups:
                    var isClient = false;
                    foreach (var g in memberOf ?? Enumerable.Empty<string>())
                    {
                        if (g == null) continue;
                        if (_employeeGroups.Contains(g)) return UserKind.Employee;
                        if (_clientGroups.Contains(g)) isClient = true;
                    }
                    return isClient ? UserKind.Client : Default;
                default:
                    return Default;
            }
        }
    }
}
