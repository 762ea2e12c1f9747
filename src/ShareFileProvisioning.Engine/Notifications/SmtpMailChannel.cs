using System;
using System.Linq;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ShareFileProvisioning.Engine.Configuration;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>
    /// Email through SMTP (MailKit): one connection per message, STARTTLS when configured (required, not opportunistic),
    /// authentication only when a credential is passed in at run time. The password is never stored or shown.
    /// </summary>
    public sealed class SmtpMailChannel : INotificationChannel
    {
        private readonly SmtpSettings _settings;
        private readonly string _userName;
        private readonly SecureString _password;

        public SmtpMailChannel(SmtpSettings settings, string userName = null, SecureString password = null)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.Host)) throw new ArgumentException("SMTP notifications need Notifications.Smtp.Host.", nameof(settings));
            if (settings.Port <= 0 || settings.Port > 65535) throw new ArgumentException($"Notifications.Smtp.Port {settings.Port} is not a TCP port.", nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.From)) throw new ArgumentException("SMTP notifications need a sender address (Notifications.Smtp.From).", nameof(settings));
            if (password != null && string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("An SMTP password needs a user name.", nameof(userName));
            _userName = userName;
            _password = password;
        }

        public string Description => $"SMTP {_settings.Host}:{_settings.Port}{(_settings.UseTls ? " (STARTTLS)" : string.Empty)}";

        public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
        {
            if (message == null) throw new ArgumentNullException(nameof(message));
            if (message.Recipients == null || message.Recipients.Count == 0) throw new NotificationException($"{Description}: the message '{message.Subject}' has no recipients.");
            var mime = Build(message);
            using (var client = new SmtpClient())
            {
                try
                {
                    await client.ConnectAsync(_settings.Host, _settings.Port, _settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
                    if (_userName != null && !_settings.UseTls)
                    {
                        // A password over a plain connection would travel in clear text: refuse rather than leak it.
                        throw new NotificationException($"{Description}: an SMTP credential needs TLS (set useTls); the password is never sent over an unencrypted connection.");
                    }

                    if (_userName != null)
                    {
                        // NetworkCredential keeps the SecureString; MailKit reads it only for the AUTH exchange.
                        await client.AuthenticateAsync(new NetworkCredential(_userName, _password ?? new SecureString()), cancellationToken).ConfigureAwait(false);
                    }
                    await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
                    await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (AuthenticationException e)
                {
                    throw new NotificationException($"{Description}: sign-in as '{_userName}' was refused: {e.Message}", e);
                }
                catch (Exception e) when (e is CommandException || e is ProtocolException || e is System.Net.Sockets.SocketException || e is System.IO.IOException || e is SslHandshakeException || e is NotSupportedException)
                {
                    throw new NotificationException($"{Description} failed to send '{message.Subject}': {e.Message}", e);
                }
            }
        }

        private MimeMessage Build(NotificationMessage message)
        {
            var mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse(_settings.From));
            foreach (var r in message.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                if (!MailboxAddress.TryParse(r.Trim(), out var address))
                    throw new NotificationException($"{Description}: recipient '{r}' is not an email address.");
                mime.To.Add(address);
            }
            mime.Subject = message.Subject ?? string.Empty;
            mime.Body = new TextPart("plain") { Text = message.Body ?? string.Empty };
            return mime;
        }
    }
}
