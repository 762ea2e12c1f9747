using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>One plain-text email.</summary>
    public sealed class NotificationMessage
    {
        public List<string> Recipients { get; set; } = new List<string>();

        public string Subject { get; set; }

        public string Body { get; set; }

        public override string ToString() => $"'{Subject}' to {string.Join(", ", Recipients ?? new List<string>())}";
    }
}
