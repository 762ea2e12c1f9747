using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;
using ShareFileProvisioning.Engine.Source.Graph;

namespace ShareFileProvisioning.Engine.Notifications
{
    /// <summary>
    /// Email through Graph: POST /users/{sender}/sendMail (application permission Mail.Send), signed in the same way
    /// as the Entra source (same client builder: Graph's retry middleware, token only to the Graph host).
    /// </summary>
    public sealed class GraphMailChannel : INotificationChannel, IDisposable
    {
        public const string MailSendPermission = "Mail.Send";

        private readonly GraphServiceClient _client;
        private readonly HttpClient _http;

        private GraphMailChannel(GraphServiceClient client, HttpClient http, string sender)
        {
            _client = client;
            _http = http;
            Sender = sender;
        }

        /// <param name="senderMailbox">The mailbox (UPN, email or object id) the mail is sent as.</param>
        public static GraphMailChannel Create(SourceSignInSettings signIn, string senderMailbox, IEngineTrace trace = null)
        {
            if (signIn == null) throw new ArgumentNullException(nameof(signIn));
            if (string.IsNullOrWhiteSpace(senderMailbox)) throw new ArgumentException("Graph notifications need a sender mailbox (Notifications.GraphSender).", nameof(senderMailbox));
            var graphBase = signIn.GraphBaseUri ?? GraphClientBuilder.DefaultGraphBaseUri;
            var client = GraphClientBuilder.Build(SourceCredentialFactory.Create(signIn), graphBase, signIn.Proxy, trace ?? NullEngineTrace.Instance, out var http, out _);
            return new GraphMailChannel(client, http, senderMailbox.Trim());
        }

        public string Sender { get; }

        public string Description => $"Graph sendMail as {Sender}";

        public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
        {
            if (message == null) throw new ArgumentNullException(nameof(message));
            if (message.Recipients == null || message.Recipients.Count == 0) throw new NotificationException($"{Description}: the message '{message.Subject}' has no recipients.");
            var body = new SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = message.Subject,
                    Body = new ItemBody { ContentType = BodyType.Text, Content = message.Body },
                    ToRecipients = message.Recipients.Select(r => new Recipient { EmailAddress = new EmailAddress { Address = r } }).ToList(),
                },
                SaveToSentItems = false,
            };
            try
            {
                await GraphCall.Run($"sending mail as {Sender}", MailSendPermission, async () =>
                {
                    await _client.Users[Sender].SendMail.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return true;
                }).ConfigureAwait(false);
            }
            catch (SourceException e) when (e.StatusCode == 404)
            {
                throw new NotificationException($"{Description}: the sender mailbox '{Sender}' was not found in the tenant.", e);
            }
            catch (SourceException e)
            {
                throw new NotificationException($"{Description} failed: {e.Message}", e);
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
