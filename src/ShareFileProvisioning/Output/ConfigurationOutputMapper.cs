using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning
{
    /// <summary>Engine configuration → the module's public configuration output types.</summary>
    internal static class ConfigurationOutputMapper
    {
        public static ShareFileProvisioningConfiguration ToOutput(ProvisioningConfiguration c, ProvisioningProfile profile, bool isDefault) => new ShareFileProvisioningConfiguration
        {
            Profile = profile.Name,
            ConfigurationPath = profile.ConfigurationPath,
            IsDefault = isDefault,
            SchemaVersion = c.SchemaVersion,
            Fingerprint = ConfigurationFingerprint.Compute(c),
            Mappings = c.UserMappings.Select(ToOutput).ToArray(),
            ScopingFilters = ToClauses(c).ToArray(),
            ScopingFilterCount = c.ScopingFilters.Filters.Count,
            SourceAttributes = c.SourceAttributes.Select(a => a.Name + ":" + a.Type).ToArray(),
            DefaultUserType = c.UserType.Default.ToString(),
            UserTypeExpression = c.UserType.Expression,
            ClientGroups = c.UserType.ClientGroups.ToArray(),
            EmployeeGroups = c.UserType.EmployeeGroups.ToArray(),
            DeprovisioningAction = c.Deprovisioning.Action.ToString(),
            ReassignToUser = c.Deprovisioning.ReassignToUser,
            GracePeriodDays = c.Deprovisioning.GracePeriodDays,
            DeletionThresholdCount = c.DeletionThreshold.Count,
            DeletionThresholdPercent = c.DeletionThreshold.Percent,
            GroupProvisioningEnabled = c.GroupProvisioning.Enabled,
            GroupIsShared = c.GroupProvisioning.IsShared,
            GroupOnRemoved = c.GroupProvisioning.OnGroupRemoved.ToString(),
            GroupNestedGroups = c.GroupProvisioning.NestedGroups.ToString(),
            GroupOverflowPolicy = c.GroupProvisioning.OverflowPolicy.ToString(),
            NotificationRecipients = c.Notifications.Recipients.ToArray(),
            NotificationGraphSender = c.Notifications.GraphSender,
            NotificationSmtpHost = c.Notifications.Smtp?.Host,
            NotificationSmtpPort = c.Notifications.Smtp?.Port,
            NotificationSmtpFrom = c.Notifications.Smtp?.From,
            QuarantineFailureRatePercent = c.Quarantine.FailureRatePercent,
            QuarantineMinimumActions = c.Quarantine.MinimumActions,
            LogRetentionDays = c.LogRetention?.Days ?? Engine.Logging.LogRetentionSettings.DefaultDays,
            LogRetentionCycles = c.LogRetention?.Cycles ?? 0,
        };

        public static ShareFileAttributeMapping ToOutput(AttributeMapping m) => new ShareFileAttributeMapping
        {
            TargetAttribute = m.Target.ToString(),
            MappingType = m.Type.ToString(),
            Source = m.DescribeSource(),
            SourceAttribute = m.SourceAttribute,
            Constant = m.Constant,
            Expression = m.Expression,
            DefaultValue = m.DefaultValue,
            Apply = m.Apply.ToString(),
            MatchingPrecedence = m.MatchingPrecedence,
            LookupOnly = m.LookupOnly,
        };

        public static IEnumerable<ShareFileScopingClause> ToClauses(ProvisioningConfiguration c)
        {
            var filters = c.ScopingFilters.Filters;
            for (var f = 0; f < filters.Count; f++)
            {
                for (var k = 0; k < filters[f].Clauses.Count; k++)
                {
                    var clause = filters[f].Clauses[k];
                    yield return new ShareFileScopingClause
                    {
                        FilterIndex = f + 1,
                        ClauseIndex = k + 1,
                        FilterTitle = filters[f].Title,
                        Attribute = clause.SourceAttribute,
                        Operator = clause.Operator,
                        Value = clause.Value,
                    };
                }
            }
        }
    }
}
