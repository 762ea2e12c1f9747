using System;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>A notification could not be sent; the message names the channel and the cause (never a password).</summary>
    public sealed class NotificationException : Exception
    {
        public NotificationException(string message, Exception inner = null) : base(message, inner)
        {
        }
    }
}
