using System;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Source;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Notifications;

namespace ShareFileProvisioning.Cmdlets.Logging
{
    /// <summary>
    /// Sends a test email through the profile's configured notification channel (Graph sendMail when GraphSender is set,
    /// else SMTP) to its recipients or to -Recipient, so an admin can check the mail path before a real alert is needed.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ShareFileProvisioningTestNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileNotificationResult))]
    public sealed class SendShareFileProvisioningTestNotificationCommand : ProfileCmdlet
    {
        /// <summary>Send to these addresses instead of the configured recipients.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Recipient { get; set; }

        /// <summary>SMTP sign-in, used for this message only and never stored.</summary>
        [Parameter]
        [Credential]
        public PSCredential SmtpCredential { get; set; }

        /// <summary>The Entra ID connection whose sign-in the Graph channel uses (default: the current one).</summary>
        [Parameter]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        private protected override void ProcessRecordCore()
        {
            var profile = ResolvedProfile;
            var settings = LoadConfiguration(profile).Notifications ?? new NotificationSettings();
            var recipients = RecipientsOf(profile, settings);
            var channel = OpenChannel(profile, settings);
            try
            {
                Send(profile, channel, recipients);
            }
            finally
            {
                (channel as IDisposable)?.Dispose();
            }
        }

        private ProvisioningConfiguration LoadConfiguration(ProvisioningProfile profile)
        {
            try
            {
                return RunEngine((trace, ct) => ConfigurationFile.LoadOrDefaultAsync(profile.ConfigurationPath, ct));
            }
            catch (ConfigurationValidationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ConfigurationInvalid", ErrorCategory.InvalidData, profile.ConfigurationPath));
                return null;
            }
        }

        /// <summary>-Recipient, else the configured recipients; none at all stops the command.</summary>
        private string[] RecipientsOf(ProvisioningProfile profile, NotificationSettings settings)
        {
            var recipients = (Recipient ?? settings.Recipients?.ToArray() ?? new string[0]).Where(r => !string.IsNullOrWhiteSpace(r)).ToArray();
            if (recipients.Length == 0)
            {
                var message = $"Profile '{profile.Name}' has no notification recipients: "
                    + "set them with Set-ShareFileProvisioningConfiguration or pass -Recipient.";
                ThrowTerminatingError(NotConfigured(new InvalidOperationException(message), profile));
            }

            return recipients;
        }

        /// <summary>The configured channel (Graph sendMail with the source's sign-in, or SMTP); none stops the command.</summary>
        private INotificationChannel OpenChannel(ProvisioningProfile profile, NotificationSettings settings)
        {
            INotificationChannel channel = null;
            try
            {
                var signIn = (SourceConnection ?? SourceConnectionRegistry.Get())?.Source?.SignIn;
                channel = NotificationChannelFactory.Create(settings, signIn, SmtpCredential?.UserName, SmtpCredential?.Password);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                ThrowTerminatingError(NotConfigured(e, profile));
            }

            if (channel == null)
            {
                var message = $"Profile '{profile.Name}' has no notification channel: set Notifications.GraphSender or Notifications.Smtp.";
                ThrowTerminatingError(NotConfigured(new InvalidOperationException(message), profile));
            }

            return channel;
        }

        private void Send(ProvisioningProfile profile, INotificationChannel channel, string[] recipients)
        {
            var message = new NotificationMessage
            {
                Recipients = recipients.ToList(),
                Subject = $"[ShareFile provisioning] {profile.Name}: test notification",
                Body = $"Profile: {profile.Name}\n\nThis is a test message sent by Send-ShareFileProvisioningTestNotification through {channel.Description}.\n"
                    + "Quarantine, staged-delete and failure alerts for this profile arrive the same way.\n",
            };
            var result = new ShareFileNotificationResult
            {
                Profile = profile.Name,
                Channel = channel.Description,
                Recipients = string.Join(", ", recipients),
                Subject = message.Subject,
            };
            if (!ShouldProcess($"{result.Recipients} via {channel.Description}", "Send test notification")) return;
            try
            {
                RunEngine(async (trace, ct) =>
                {
                    await channel.SendAsync(message, ct).ConfigureAwait(false);
                    return true;
                });
                result.Result = NotificationDisposition.Sent.ToString();
            }
            catch (NotificationException e)
            {
                result.Result = NotificationDisposition.Failed.ToString();
                result.Error = e.Message;
                WriteError(new ErrorRecord(e, "NotificationFailed", ErrorCategory.ConnectionError, result.Recipients));
            }

            WriteObject(result);
        }

        private static ErrorRecord NotConfigured(Exception e, ProvisioningProfile profile) =>
            new ErrorRecord(e, "NotificationNotConfigured", ErrorCategory.NotSpecified, profile.Name);
    }
}
