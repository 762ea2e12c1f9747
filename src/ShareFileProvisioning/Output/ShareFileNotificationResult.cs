namespace ShareFileProvisioning
{
    /// <summary>What a notification attempt did: Sent, AlreadyNotified, NotConfigured or Failed.</summary>
    public sealed class ShareFileNotificationResult
    {
        public string Profile { get; set; }

        public string Channel { get; set; }

        public string Recipients { get; set; }

        public string Subject { get; set; }

        public string Result { get; set; }

        public string Error { get; set; }

        public override string ToString() => $"{Result}: {Subject}";
    }
}
