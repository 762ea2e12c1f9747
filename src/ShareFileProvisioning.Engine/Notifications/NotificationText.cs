using System.Text;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>Subject and plain-text body per condition: profile, cycle, what happened, what to do.</summary>
    internal static class NotificationText
    {
        private const string Prefix = "[ShareFile provisioning]";

        public static (string Subject, string Body) For(NotificationCondition condition, CycleOutcome outcome)
        {
            var profile = outcome.ProfileName ?? "(unnamed profile)";
            string subject, happened, todo;
            switch (condition.Kind)
            {
                case NotificationCondition.QuarantinedKind:
                    subject = $"{Prefix} {profile}: provisioning is quarantined ({outcome.QuarantineReason})";
                    happened = $"The cycle stopped early and the profile is quarantined. Reason: {outcome.QuarantineReason}."
                        + (string.IsNullOrWhiteSpace(outcome.QuarantineDetails) ? string.Empty : "\n" + outcome.QuarantineDetails);
                    todo = "Fix the cause (check Test-ShareFileConnection and Test-ProvisioningSource, then Get-ShareFileProvisioningLog -Status Failure),\n"
                        + "then run Invoke-ShareFileSync again: a successful cycle clears the quarantine. Get-ShareFileProvisioningStatus shows the current state.";
                    break;
                case NotificationCondition.StagedDeletesKind:
                    subject = $"{Prefix} {profile}: {outcome.StagedDeletes} deprovisioning action(s) held for approval";
                    happened = $"The cycle would have disabled or deleted {outcome.StagedDeletes} ShareFile object(s), more than the deletion threshold allows.\n"
                        + "None of them ran; creations and updates went ahead.";
                    todo = "Review the held actions with Get-ShareFileProvisioningLog -Action StagedDelete.\n"
                        + "If they are intended, run Invoke-ShareFileSync -AllowDeletes after reviewing them.";
                    break;
                default:
                    subject = $"{Prefix} {profile}: {outcome.Failures} provisioning action(s) failed";
                    happened = outcome.Actions > 0
                        ? $"{outcome.Failures} of {outcome.Actions} action(s) failed in this cycle. Failed actions are retried in later cycles."
                        : $"{outcome.Failures} action(s) failed in this cycle. Failed actions are retried in later cycles.";
                    todo = $"See the errors with Get-ShareFileProvisioningLog -CycleId {outcome.CycleId} -Status Failure and fix their cause\n"
                        + "(the error code and reason say what ShareFile or Entra ID refused).";
                    break;
            }

            var body = new StringBuilder()
                .AppendLine($"Profile: {profile}")
                .AppendLine($"Cycle: {outcome.CycleId}" + (string.IsNullOrWhiteSpace(outcome.CycleType) ? string.Empty : $" ({outcome.CycleType})"))
                .AppendLine()
                .AppendLine("What happened:")
                .AppendLine(happened)
                .AppendLine()
                .AppendLine("What to do:")
                .AppendLine(todo)
                .AppendLine()
                .AppendLine("You get this message once per condition; it is not repeated while the condition persists in consecutive cycles.")
                .ToString();
            return (subject, body);
        }
    }
}
