using System.Threading;
using System.Threading.Tasks;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>A way to deliver a plain-text email: Graph sendMail (<see cref="GraphMailChannel"/>) or SMTP (<see cref="SmtpMailChannel"/>).</summary>
    public interface INotificationChannel
    {
        /// <summary>For messages: "Graph sendMail as ops@contoso.com", "SMTP smtp.contoso.com:587".</summary>
        string Description { get; }

        /// <exception cref="NotificationException">The message was not accepted; the text names the channel and the cause.</exception>
        Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
    }
}
