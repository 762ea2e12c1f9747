using System;
using System.Security;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>
    /// The configured channel: Graph sendMail when Notifications.GraphSender is set (it needs the source's sign-in),
    /// else SMTP when Notifications.Smtp.Host is set, else none (null).
    /// </summary>
    public static class NotificationChannelFactory
    {
        /// <param name="graphSignIn">The source sign-in (required for the Graph channel).</param>
        /// <param name="smtpUserName">SMTP user, supplied at run time (never stored).</param>
        /// <param name="smtpPassword">SMTP password, supplied at run time (never stored).</param>
        public static INotificationChannel Create(NotificationSettings settings, SourceSignInSettings graphSignIn, string smtpUserName = null, SecureString smtpPassword = null, IEngineTrace trace = null)
        {
            if (settings == null) return null;
            if (!string.IsNullOrWhiteSpace(settings.GraphSender))
            {
                if (graphSignIn == null)
                    throw new InvalidOperationException($"Notifications are configured to send through Graph as '{settings.GraphSender}', but no Entra ID sign-in is available (run Connect-ProvisioningSource).");
                return GraphMailChannel.Create(graphSignIn, settings.GraphSender, trace);
            }
            if (settings.Smtp != null && !string.IsNullOrWhiteSpace(settings.Smtp.Host))
                return new SmtpMailChannel(settings.Smtp, smtpUserName, smtpPassword);
            return null;
        }
    }
}
