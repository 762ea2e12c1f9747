using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Cmdlets.Configuration
{
    /// <summary>Changes scalar settings of the provisioning configuration; only the parameters given change. Validated before anything is written.</summary>
    [Cmdlet(VerbsCommon.Set, "ShareFileProvisioningConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileProvisioningConfiguration))]
    public sealed class SetShareFileProvisioningConfigurationCommand : ConfigurationCmdlet
    {
        [Parameter]
        [ValidateSet("Disable", "DowngradeToClient", "Delete", "None")]
        public string DeprovisioningAction { get; set; }

        /// <summary>Email or id of the ShareFile user who receives a deleted user's files and groups ('' clears).</summary>
        [Parameter]
        [AllowEmptyString]
        public string ReassignToUser { get; set; }

        [Parameter]
        public int GracePeriodDays { get; set; }

        [Parameter]
        public int DeletionThresholdCount { get; set; }

        /// <summary>Percentage (0–100] of managed accounts; 0 removes the percentage limit.</summary>
        [Parameter]
        public double DeletionThresholdPercent { get; set; }

        [Parameter]
        [ValidateSet("Employee", "Client")]
        public string DefaultUserType { get; set; }

        /// <summary>An expression yielding "Employee" or "Client" ('' clears).</summary>
        [Parameter]
        [AllowEmptyString]
        public string UserTypeExpression { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] ClientGroups { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] EmployeeGroups { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public string[] NotificationRecipients { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string NotificationGraphSender { get; set; }

        [Parameter]
        public bool GroupProvisioningEnabled { get; set; }

        [Parameter]
        public bool GroupIsShared { get; set; }

        [Parameter]
        [ValidateSet("Delete", "Keep")]
        public string GroupOnRemoved { get; set; }

        [Parameter]
        [ValidateSet("Direct", "Flatten")]
        public string GroupNestedGroups { get; set; }

        /// <summary>What to do with a group of more than 2,000 members.</summary>
        [Parameter]
        [ValidateSet("Skip", "ApplyWhatFits")]
        public string GroupOverflowPolicy { get; set; }

        /// <summary>SMTP server for notifications ('' removes the SMTP channel). Credentials are never stored.</summary>
        [Parameter]
        [AllowEmptyString]
        public string SmtpHost { get; set; }

        [Parameter]
        public int SmtpPort { get; set; }

        [Parameter]
        public string SmtpFrom { get; set; }

        [Parameter]
        public double QuarantineFailureRatePercent { get; set; }

        [Parameter]
        public int QuarantineMinimumActions { get; set; }

        /// <summary>Delete provisioning logs of cycles older than this many days (0 = no age limit).</summary>
        [Parameter]
        public int LogRetentionDays { get; set; }

        /// <summary>Keep at most this many cycles of provisioning logs (0 = no count limit).</summary>
        [Parameter]
        public int LogRetentionCycles { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Has(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        private static string EmptyToNull(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

        private protected override void ProcessRecordCore()
        {
            if (!TryLoad(out var c)) return;
            if (Has(nameof(DeprovisioningAction))) c.Deprovisioning.Action = (Engine.Configuration.DeprovisioningAction)System.Enum.Parse(typeof(Engine.Configuration.DeprovisioningAction), DeprovisioningAction, true);
            if (Has(nameof(ReassignToUser))) c.Deprovisioning.ReassignToUser = EmptyToNull(ReassignToUser);
            if (Has(nameof(GracePeriodDays))) c.Deprovisioning.GracePeriodDays = GracePeriodDays;
            if (Has(nameof(DeletionThresholdCount))) c.DeletionThreshold.Count = DeletionThresholdCount;
            if (Has(nameof(DeletionThresholdPercent))) c.DeletionThreshold.Percent = DeletionThresholdPercent == 0 ? (double?)null : DeletionThresholdPercent;
            if (Has(nameof(DefaultUserType))) c.UserType.Default = (UserKind)System.Enum.Parse(typeof(UserKind), DefaultUserType, true);
            if (Has(nameof(UserTypeExpression))) c.UserType.Expression = EmptyToNull(UserTypeExpression);
            if (Has(nameof(ClientGroups))) c.UserType.ClientGroups = (ClientGroups ?? new string[0]).ToList();
            if (Has(nameof(EmployeeGroups))) c.UserType.EmployeeGroups = (EmployeeGroups ?? new string[0]).ToList();
            if (Has(nameof(NotificationRecipients))) c.Notifications.Recipients = (NotificationRecipients ?? new string[0]).ToList();
            if (Has(nameof(NotificationGraphSender))) c.Notifications.GraphSender = EmptyToNull(NotificationGraphSender);
            if (Has(nameof(GroupProvisioningEnabled))) c.GroupProvisioning.Enabled = GroupProvisioningEnabled;
            if (Has(nameof(GroupIsShared))) c.GroupProvisioning.IsShared = GroupIsShared;
            if (Has(nameof(GroupOnRemoved))) c.GroupProvisioning.OnGroupRemoved = (GroupRemovedAction)System.Enum.Parse(typeof(GroupRemovedAction), GroupOnRemoved, true);
            if (Has(nameof(GroupNestedGroups))) c.GroupProvisioning.NestedGroups = (NestedGroupHandling)System.Enum.Parse(typeof(NestedGroupHandling), GroupNestedGroups, true);
            if (Has(nameof(GroupOverflowPolicy))) c.GroupProvisioning.OverflowPolicy = (Engine.Configuration.GroupOverflowPolicy)System.Enum.Parse(typeof(Engine.Configuration.GroupOverflowPolicy), GroupOverflowPolicy, true);
            if (Has(nameof(SmtpHost)) && string.IsNullOrWhiteSpace(SmtpHost)) c.Notifications.Smtp = null;
            else if (Has(nameof(SmtpHost)) || Has(nameof(SmtpPort)) || Has(nameof(SmtpFrom)))
            {
                var smtp = c.Notifications.Smtp ?? new SmtpSettings();
                if (Has(nameof(SmtpHost))) smtp.Host = SmtpHost;
                if (Has(nameof(SmtpPort))) smtp.Port = SmtpPort;
                if (Has(nameof(SmtpFrom))) smtp.From = SmtpFrom;
                c.Notifications.Smtp = smtp;
            }
            if (Has(nameof(QuarantineFailureRatePercent))) c.Quarantine.FailureRatePercent = QuarantineFailureRatePercent;
            if (Has(nameof(QuarantineMinimumActions))) c.Quarantine.MinimumActions = QuarantineMinimumActions;
            if (Has(nameof(LogRetentionDays)) || Has(nameof(LogRetentionCycles))) c.LogRetention = c.LogRetention ?? new Engine.Logging.LogRetentionSettings();
            if (Has(nameof(LogRetentionDays))) c.LogRetention.Days = LogRetentionDays;
            if (Has(nameof(LogRetentionCycles))) c.LogRetention.Cycles = LogRetentionCycles;

            var changed = string.Join(", ", MyInvocation.BoundParameters.Keys.Where(k => k != nameof(PassThru) && k != nameof(Profile) && k != nameof(ConfigurationPath) && !CommonParameters.Contains(k)));
            if (TrySave(c, "Set " + (changed.Length == 0 ? "nothing" : changed)) && PassThru) WriteObject(ToOutput(c));
        }

        private static readonly string[] CommonParameters = { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "ProgressAction" };
    }
}
