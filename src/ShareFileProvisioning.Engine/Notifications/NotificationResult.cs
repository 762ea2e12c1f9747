namespace ShareFileProvisioning.Engine.Notifications
{
    public enum NotificationDisposition
    {
        /// <summary>The channel accepted the email.</summary>
        Sent,
        /// <summary>Already notified in the previous cycle and still present: not repeated.</summary>
        AlreadyNotified,
        /// <summary>No recipients or no channel configured.</summary>
        NotConfigured,
        /// <summary>The channel refused; retried at the next cycle that still has the condition.</summary>
        Failed,
    }

    /// <summary>What happened to one condition's email.</summary>
    public sealed class NotificationResult
    {
        public string Condition { get; set; }

        public NotificationDisposition Disposition { get; set; }

        public string Subject { get; set; }

        /// <summary>Why sending failed (no secrets).</summary>
        public string Error { get; set; }

        public override string ToString() => $"{Condition}: {Disposition}" + (Error == null ? string.Empty : " (" + Error + ")");
    }
}
