using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.Mapping.Scoping;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>
    /// Checks a whole configuration and reports every problem with the JSON path of its field (0-based indexes,
    /// camelCase names, as in configuration.json). Expressions are compiled against the source schema, so unknown
    /// attributes and functions are found here, not at sync time.
    /// </summary>
    public static class ConfigurationValidator
    {
        private static readonly Regex AttributeName = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex ShareFileId = new Regex(@"^[A-Za-z0-9][A-Za-z0-9\-]*$", RegexOptions.CultureInvariant);
        private static readonly string[] GroupSourceAttributes = { "displayName", "mailNickname", "mail", "description", "id" };

        /// <summary>All problems; empty when valid.</summary>
        public static IReadOnlyList<ConfigurationError> Validate(ProvisioningConfiguration config)
        {
            var errors = new List<ConfigurationError>();
            if (config == null)
            {
                errors.Add(new ConfigurationError("$", "the configuration is null."));
                return errors;
            }

            if (config.SchemaVersion < 1) errors.Add(new ConfigurationError("schemaVersion", "must be 1 or more."));
            else if (config.SchemaVersion > ProvisioningConfiguration.CurrentSchemaVersion)
                errors.Add(new ConfigurationError("schemaVersion",
                    $"{config.SchemaVersion} is newer than this module understands ({ProvisioningConfiguration.CurrentSchemaVersion}); update the module."));

            ValidateSourceAttributes(config, errors);
            var schema = config.BuildSourceSchema();
            ValidateUserMappings(config, schema, errors);
            ValidateUserType(config, schema, errors);
            ValidateScoping(config, schema, errors);
            ValidateDeprovisioning(config.Deprovisioning, errors);
            ValidateThreshold(config.DeletionThreshold, errors);
            ValidateGroups(config.GroupProvisioning, errors);
            ValidateNotifications(config.Notifications, errors);
            ValidateQuarantine(config.Quarantine, errors);
            ValidateLogRetention(config.LogRetention, errors);
            return errors;
        }

        /// <summary>Throws when <see cref="Validate"/> finds anything.</summary>
        /// <exception cref="ConfigurationValidationException">Lists every field and problem.</exception>
        public static void ThrowIfInvalid(ProvisioningConfiguration config, string source = null)
        {
            var errors = Validate(config);
            if (errors.Count > 0) throw new ConfigurationValidationException(source, errors);
        }

        private static void ValidateSourceAttributes(ProvisioningConfiguration config, List<ConfigurationError> errors)
        {
            if (config.SourceAttributes == null) return;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < config.SourceAttributes.Count; i++)
            {
                var field = $"sourceAttributes[{i}]";
                var a = config.SourceAttributes[i];
                if (a == null) errors.Add(new ConfigurationError(field, "is null."));
                else if (string.IsNullOrWhiteSpace(a.Name)) errors.Add(new ConfigurationError(field + ".name", "is required."));
                else if (!AttributeName.IsMatch(a.Name)) errors.Add(new ConfigurationError(field + ".name",
                    $"'{a.Name}' is not an attribute name (letters, digits and _)."));
                else if (!seen.Add(a.Name)) errors.Add(new ConfigurationError(field + ".name", $"'{a.Name}' is listed twice."));
            }
        }

        private static void ValidateUserMappings(ProvisioningConfiguration config, SourceAttributeSchema schema, List<ConfigurationError> errors)
        {
            var mappings = config.UserMappings;
            if (mappings == null || mappings.Count == 0)
            {
                errors.Add(new ConfigurationError("userMappings", "at least one mapping is required (Email, with a matching precedence)."));
                return;
            }

            var writtenBy = new Dictionary<TargetAttribute, int>();
            var precedenceAt = new Dictionary<int, int>();
            var anyMatching = false;
            for (var i = 0; i < mappings.Count; i++)
            {
                var field = $"userMappings[{i}]";
                var m = mappings[i];
                if (m == null)
                {
                    errors.Add(new ConfigurationError(field, "is null."));
                    continue;
                }
                if (!Enum.IsDefined(typeof(TargetAttribute), m.Target))
                {
                    errors.Add(new ConfigurationError(field + ".target", "is not a known ShareFile attribute."));
                    continue;
                }

                ValidateMappingSource(m, field, schema, errors);

                if (m.DefaultValue != null && !TargetValues.TryConvert(m.Target, m.DefaultValue, out _, out var defaultProblem))
                    errors.Add(new ConfigurationError(field + ".defaultValue", defaultProblem));
                if (m.Target == TargetAttribute.Email && m.DefaultValue != null)
                    errors.Add(new ConfigurationError(field + ".defaultValue", "Email takes no default: every user would get the same login."));

                anyMatching |= ValidateMatching(m, i, field, precedenceAt, errors);

                if (m.LookupOnly)
                {
                    if (m.MatchingPrecedence <= 0) errors.Add(new ConfigurationError(field + ".lookupOnly",
                        "a lookup-only mapping must have a matching precedence of 1 or more."));
                    continue;
                }

                if (writtenBy.TryGetValue(m.Target, out var first))
                    errors.Add(new ConfigurationError(field + ".target",
                        $"{m.Target} is already written by userMappings[{first}]; keep one, or mark this one lookupOnly."));
                else writtenBy[m.Target] = i;
            }

            ValidateMappingSet(config, anyMatching, writtenBy, errors);
        }

        /// <summary>One mapping's matching precedence: Email only, never a Constant, and each precedence once. True when it matches.</summary>
        private static bool ValidateMatching(AttributeMapping m, int index, string field, Dictionary<int, int> precedenceAt, List<ConfigurationError> errors)
        {
            var at = field + ".matchingPrecedence";
            if (m.MatchingPrecedence < 0)
            {
                errors.Add(new ConfigurationError(at, "must be 0 (not matching) or 1, 2, …"));
                return false;
            }

            if (m.MatchingPrecedence == 0) return false;
            if (m.Target != TargetAttribute.Email)
                errors.Add(new ConfigurationError(at, $"matching is only possible on Email (ShareFile's unique user key), not {m.Target}."));
            if (m.Type == MappingType.Constant)
                errors.Add(new ConfigurationError(at, "a Constant cannot identify a user; use Direct or Expression for matching."));
            if (precedenceAt.TryGetValue(m.MatchingPrecedence, out var other))
            {
                var problem = $"{m.MatchingPrecedence} is already used by userMappings[{other}]; each matching mapping needs its own precedence.";
                errors.Add(new ConfigurationError(at, problem));
            }
            else
            {
                precedenceAt[m.MatchingPrecedence] = index;
            }

            return true;
        }

        /// <summary>What the mappings must do together: match, write Email, and not fight the userType section over UserType.</summary>
        private static void ValidateMappingSet(ProvisioningConfiguration config, bool anyMatching,
            Dictionary<TargetAttribute, int> writtenBy, List<ConfigurationError> errors)
        {
            if (!anyMatching)
                errors.Add(new ConfigurationError("userMappings", "no mapping has a matching precedence; at least one Email mapping must (1 = first lookup)."));
            if (!writtenBy.ContainsKey(TargetAttribute.Email))
                errors.Add(new ConfigurationError("userMappings", "no mapping writes Email; ShareFile needs it to create users."));
            var userTypeSection = config.UserType != null
                && (!string.IsNullOrWhiteSpace(config.UserType.Expression) || Count(config.UserType.ClientGroups) + Count(config.UserType.EmployeeGroups) > 0);
            if (writtenBy.TryGetValue(TargetAttribute.UserType, out var ut) && userTypeSection)
                errors.Add(new ConfigurationError($"userMappings[{ut}].target",
                    "UserType is also set by the userType section (expression or groups); use one of them."));
        }

        private static void ValidateMappingSource(AttributeMapping m, string field, SourceAttributeSchema schema, List<ConfigurationError> errors)
        {
            switch (m.Type)
            {
                case MappingType.Direct:
                    if (string.IsNullOrWhiteSpace(m.SourceAttribute)) errors.Add(new ConfigurationError(field + ".sourceAttribute",
                        "is required for a Direct mapping."));
                    else if (!schema.Contains(m.SourceAttribute))
                        errors.Add(new ConfigurationError(field + ".sourceAttribute",
                            $"'{m.SourceAttribute}' is not a known source attribute; add it under sourceAttributes if it is a directory extension."));
                    else if (schema.TryGetType(m.SourceAttribute, out var type) && type == SourceAttributeType.Reference)
                        errors.Add(new ConfigurationError(field + ".sourceAttribute",
                            $"'{m.SourceAttribute}' is a reference to another object and cannot be mapped directly."));
                    Unused(m.Constant, "constant", field, "Direct", errors);
                    Unused(m.Expression, "expression", field, "Direct", errors);
                    break;
                case MappingType.Constant:
                    if (m.Constant == null) errors.Add(new ConfigurationError(field + ".constant", "is required for a Constant mapping."));
                    else if (!TargetValues.TryConvert(m.Target, m.Constant, out _, out var problem))
                        errors.Add(new ConfigurationError(field + ".constant", problem));
                    else if (m.Target == TargetAttribute.Email) errors.Add(new ConfigurationError(field + ".constant",
                        "Email cannot be a constant: every user would get the same login."));
                    Unused(m.SourceAttribute, "sourceAttribute", field, "Constant", errors);
                    Unused(m.Expression, "expression", field, "Constant", errors);
                    break;
                case MappingType.Expression:
                    if (string.IsNullOrWhiteSpace(m.Expression)) errors.Add(new ConfigurationError(field + ".expression",
                        "is required for an Expression mapping."));
                    else
                    {
                        var compiled = TryCompile(m.Expression, schema, field + ".expression", errors);
                        if (compiled != null && compiled.IsVolatile && m.Apply == MappingApply.Always && !m.LookupOnly)
                            errors.Add(new ConfigurationError(field + ".apply",
                                "the expression uses Now(), Guid() or RandomString(), whose value changes every run; set apply to OnCreateOnly."));
                    }
                    Unused(m.SourceAttribute, "sourceAttribute", field, "Expression", errors);
                    Unused(m.Constant, "constant", field, "Expression", errors);
                    break;
                default:
                    errors.Add(new ConfigurationError(field + ".type", "must be Direct, Constant or Expression."));
                    break;
            }
        }

        private static void Unused(string value, string name, string field, string type, List<ConfigurationError> errors)
        {
            if (value != null) errors.Add(new ConfigurationError(field + "." + name,
                $"is not used by a {type} mapping; remove it (a mapping has exactly one source)."));
        }

        internal static CompiledExpression TryCompile(string expression, SourceAttributeSchema schema, string field, List<ConfigurationError> errors)
        {
            try
            {
                return ExpressionCompiler.Compile(expression, schema);
            }
            catch (ExpressionParseException e)
            {
                errors.Add(new ConfigurationError(field, e.Message));
                return null;
            }
        }

        private static void ValidateUserType(ProvisioningConfiguration config, SourceAttributeSchema schema, List<ConfigurationError> errors)
        {
            var ut = config.UserType;
            if (ut == null) return;
            if (!Enum.IsDefined(typeof(UserKind), ut.Default)) errors.Add(new ConfigurationError("userType.default", "must be Employee or Client."));
            var hasGroups = Count(ut.ClientGroups) + Count(ut.EmployeeGroups) > 0;
            if (!string.IsNullOrWhiteSpace(ut.Expression))
            {
                TryCompile(ut.Expression, schema, "userType.expression", errors);
                if (hasGroups) errors.Add(new ConfigurationError("userType.expression", "use either an expression or clientGroups/employeeGroups, not both."));
            }
            else if (ut.Expression != null) errors.Add(new ConfigurationError("userType.expression",
                "is empty; remove it or give an expression yielding \"Employee\" or \"Client\"."));

            var employee = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            CheckGroupList(ut.EmployeeGroups, "userType.employeeGroups", employee, null, errors);
            CheckGroupList(ut.ClientGroups, "userType.clientGroups", new HashSet<string>(StringComparer.OrdinalIgnoreCase), employee, errors);
        }

        private static void CheckGroupList(List<string> groups, string field, HashSet<string> seen, HashSet<string> other, List<ConfigurationError> errors)
        {
            if (groups == null) return;
            for (var i = 0; i < groups.Count; i++)
            {
                var g = groups[i];
                if (string.IsNullOrWhiteSpace(g)) errors.Add(new ConfigurationError($"{field}[{i}]", "is empty; give a group display name or object id."));
                else if (!seen.Add(g.Trim())) errors.Add(new ConfigurationError($"{field}[{i}]", $"'{g}' is listed twice."));
                else if (other != null && other.Contains(g.Trim())) errors.Add(new ConfigurationError($"{field}[{i}]", $"'{g}' is also an employee group."));
            }
        }

        private static void ValidateScoping(ProvisioningConfiguration config, SourceAttributeSchema schema, List<ConfigurationError> errors)
        {
            var filters = config.ScopingFilters?.Filters;
            if (filters == null) return;
            for (var f = 0; f < filters.Count; f++)
            {
                // One filter at a time so every broken filter is reported, not just the first.
                try
                {
                    new ScopingFilterSet(filters[f]).Compile(schema);
                }
                catch (ScopingFilterValidationException e)
                {
                    var field = e.ClauseIndex > 0 ? $"scopingFilters.filters[{f}].clauses[{e.ClauseIndex - 1}]" : $"scopingFilters.filters[{f}]";
                    errors.Add(new ConfigurationError(field, (e.Attribute != null ? $"attribute '{e.Attribute}': " : "") + e.Problem));
                }
            }
        }

        private static void ValidateDeprovisioning(DeprovisioningSettings d, List<ConfigurationError> errors)
        {
            if (d == null) return;
            if (!Enum.IsDefined(typeof(DeprovisioningAction), d.Action)) errors.Add(new ConfigurationError("deprovisioning.action",
                "must be Disable, DowngradeToClient, Delete or None."));
            if (d.Action == DeprovisioningAction.Delete && string.IsNullOrWhiteSpace(d.ReassignToUser))
                errors.Add(new ConfigurationError("deprovisioning.reassignToUser",
                    "is required when the action is Delete: a deleted user's files and groups must go to someone."));
            else if (d.ReassignToUser != null && !IsUserReference(d.ReassignToUser))
                errors.Add(new ConfigurationError("deprovisioning.reassignToUser", "must be a ShareFile user's email or id."));
            if (d.GracePeriodDays < 0) errors.Add(new ConfigurationError("deprovisioning.gracePeriodDays", "must be 0 or more."));
        }

        private static bool IsUserReference(string text) =>
            text.IndexOf('@') >= 0 ? TargetValues.IsValidEmail(text) : ShareFileId.IsMatch(text);

        private static void ValidateThreshold(DeletionThresholdSettings t, List<ConfigurationError> errors)
        {
            if (t == null) return;
            if (t.Count < 0) errors.Add(new ConfigurationError("deletionThreshold.count", "must be 0 or more (0 stages every deprovisioning action)."));
            if (t.Percent.HasValue && (double.IsNaN(t.Percent.Value) || t.Percent.Value <= 0 || t.Percent.Value > 100))
                errors.Add(new ConfigurationError("deletionThreshold.percent", "must be more than 0 and at most 100 (or left out)."));
        }

        private static void ValidateGroups(GroupProvisioningSettings g, List<ConfigurationError> errors)
        {
            if (g == null) return;
            var mappings = g.Mappings ?? new List<GroupAttributeMapping>();
            var names = 0;
            var matching = 0;
            for (var i = 0; i < mappings.Count; i++)
            {
                var field = $"groupProvisioning.mappings[{i}]";
                var m = mappings[i];
                if (m == null)
                {
                    errors.Add(new ConfigurationError(field, "is null."));
                    continue;
                }
                if (!string.Equals(m.Target, "Name", StringComparison.Ordinal)) errors.Add(new ConfigurationError(field + ".target",
                    "must be Name (the only ShareFile group attribute)."));
                else names++;
                if (!string.IsNullOrWhiteSpace(m.Expression))
                {
                    try
                    {
                        Mapping.Expressions.ExpressionCompiler.Compile(m.Expression, GroupSourceAttributes);
                    }
                    catch (Exception e) when (!(e is OutOfMemoryException))
                    {
                        errors.Add(new ConfigurationError(field + ".expression", e.Message));
                    }
                }
                else if (string.IsNullOrWhiteSpace(m.SourceAttribute) || !GroupSourceAttributes.Contains(m.SourceAttribute, StringComparer.OrdinalIgnoreCase))
                    errors.Add(new ConfigurationError(field + ".sourceAttribute", "must be one of " + string.Join(", ", GroupSourceAttributes) + "."));
                if (m.MatchingPrecedence < 0) errors.Add(new ConfigurationError(field + ".matchingPrecedence", "must be 0 or more."));
                if (m.MatchingPrecedence > 0) matching++;
            }
            if (names > 1) errors.Add(new ConfigurationError("groupProvisioning.mappings", "Name is mapped more than once; keep exactly one."));
            if (g.Enabled && names == 0) errors.Add(new ConfigurationError("groupProvisioning.mappings",
                "group provisioning is enabled but nothing maps Name."));
            else if (g.Enabled && matching == 0) errors.Add(new ConfigurationError("groupProvisioning.mappings",
                "group provisioning is enabled but no mapping has a matching precedence."));
        }

        private static void ValidateNotifications(NotificationSettings n, List<ConfigurationError> errors)
        {
            if (n == null) return;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Count(n.Recipients); i++)
            {
                var r = n.Recipients[i];
                if (!TargetValues.IsValidEmail(r)) errors.Add(new ConfigurationError($"notifications.recipients[{i}]", $"'{r}' is not an email address."));
                else if (!seen.Add(r)) errors.Add(new ConfigurationError($"notifications.recipients[{i}]", $"'{r}' is listed twice."));
            }
            if (n.GraphSender != null && !TargetValues.IsValidEmail(n.GraphSender))
                errors.Add(new ConfigurationError("notifications.graphSender", "must be the sending mailbox's email address."));
            if (n.Smtp != null)
            {
                if (string.IsNullOrWhiteSpace(n.Smtp.Host)) errors.Add(new ConfigurationError("notifications.smtp.host",
                    "is required when smtp is configured."));
                else if (Uri.CheckHostName(n.Smtp.Host.Trim()) == UriHostNameType.Unknown)
                    errors.Add(new ConfigurationError("notifications.smtp.host", $"'{n.Smtp.Host}' is not a host name."));
                if (n.Smtp.Port < 1 || n.Smtp.Port > 65535) errors.Add(new ConfigurationError("notifications.smtp.port", "must be between 1 and 65535."));
                if (!TargetValues.IsValidEmail(n.Smtp.From)) errors.Add(new ConfigurationError("notifications.smtp.from",
                    "must be the sender's email address."));
            }
        }

        private static void ValidateQuarantine(QuarantineSettings q, List<ConfigurationError> errors)
        {
            if (q == null) return;
            if (double.IsNaN(q.FailureRatePercent) || q.FailureRatePercent <= 0 || q.FailureRatePercent > 100)
                errors.Add(new ConfigurationError("quarantine.failureRatePercent", "must be more than 0 and at most 100."));
            if (q.MinimumActions < 1) errors.Add(new ConfigurationError("quarantine.minimumActions", "must be 1 or more."));
        }

        private static void ValidateLogRetention(Logging.LogRetentionSettings r, List<ConfigurationError> errors)
        {
            if (r == null) return;
            if (r.Days < 0) errors.Add(new ConfigurationError("logRetention.days", "must be 0 (no age limit) or more."));
            if (r.Cycles < 0) errors.Add(new ConfigurationError("logRetention.cycles", "must be 0 (no count limit) or more."));
        }

        private static int Count<T>(List<T> list) => list?.Count ?? 0;
    }
}
