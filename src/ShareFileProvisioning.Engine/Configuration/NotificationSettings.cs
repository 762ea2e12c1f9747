using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Configuration
{
    /// <summary>Who is told about quarantine, staged deletes and failures, and through what. No passwords here.</summary>
    public sealed class NotificationSettings
    {
        public List<string> Recipients { get; set; } = new List<string>();

        /// <summary>Mailbox (UPN or email) Graph sendMail sends from; null = Graph channel not configured.</summary>
        public string GraphSender { get; set; }

        public SmtpSettings Smtp { get; set; }
    }

    /// <summary>SMTP channel; credentials are supplied at run time, never stored.</summary>
    public sealed class SmtpSettings
    {
        public string Host { get; set; }

        public int Port { get; set; } = 587;

        public string From { get; set; }

        public bool UseTls { get; set; } = true;
    }
}
