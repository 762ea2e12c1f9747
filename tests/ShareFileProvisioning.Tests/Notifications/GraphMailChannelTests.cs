using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Tests.Configuration;
using ShareFileProvisioning.Tests.Source;

namespace ShareFileProvisioning.Tests.Notifications;

/// <summary>Graph sendMail over real HTTP against the Graph emulator, which records every accepted call.</summary>
public class GraphMailChannelTests : SourceHarness
{
    private const string Sender = "ada.lovelace@contoso.example";

    private async Task<JArray> SentMail()
    {
        using var http = new HttpClient();
        var json = JObject.Parse(await http.GetStringAsync(new Uri(Server.BaseUri, "_emulator/graph/sentMail")));
        return (JArray)json["value"];
    }

    [Fact]
    public async Task The_message_reaches_sendMail_as_the_sender_with_subject_text_body_and_recipients()
    {
        using var channel = GraphMailChannel.Create(SecretSignIn(), Sender);

        await channel.SendAsync(new NotificationMessage { Recipients = { "ops@contoso.example", "it@contoso.example" }, Subject = "Test subject", Body = "Line one\nLine two" }, CancellationToken.None);

        var sent = (await SentMail()).Single();
        Assert.Equal(Ada, (string)sent["userId"]);
        var body = JObject.Parse((string)sent["body"]);
        var message = (JObject)body.GetValue("message", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Test subject", (string)message.GetValue("subject", StringComparison.OrdinalIgnoreCase));
        var itemBody = (JObject)message.GetValue("body", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("text", ((string)itemBody.GetValue("contentType", StringComparison.OrdinalIgnoreCase)).ToLowerInvariant());
        Assert.Equal("Line one\nLine two", (string)itemBody.GetValue("content", StringComparison.OrdinalIgnoreCase));
        var to = ((JArray)message.GetValue("toRecipients", StringComparison.OrdinalIgnoreCase)).Select(r => (string)r["emailAddress"]["address"]).ToArray();
        Assert.Equal(new[] { "ops@contoso.example", "it@contoso.example" }, to);
    }

    [Fact]
    public async Task A_token_without_Mail_Send_fails_with_a_message_naming_the_permission()
    {
        using var channel = GraphMailChannel.Create(TokenSignIn("no-permissions"), Sender);

        var e = await Assert.ThrowsAsync<NotificationException>(() => channel.SendAsync(new NotificationMessage { Recipients = { "ops@contoso.example" }, Subject = "s", Body = "b" }, CancellationToken.None));

        Assert.Contains("Mail.Send", e.Message);
        Assert.Empty(await SentMail());
    }

    [Fact]
    public async Task An_unknown_sender_mailbox_is_named_in_the_error()
    {
        using var channel = GraphMailChannel.Create(TokenSignIn(), "nobody@contoso.example");

        var e = await Assert.ThrowsAsync<NotificationException>(() => channel.SendAsync(new NotificationMessage { Recipients = { "ops@contoso.example" }, Subject = "s", Body = "b" }, CancellationToken.None));

        Assert.Contains("nobody@contoso.example", e.Message);
    }

    [Fact]
    public async Task The_service_sends_one_graph_mail_for_persisting_failures_over_two_cycles()
    {
        using var dir = new TempDirectory();
        using var channel = GraphMailChannel.Create(TokenSignIn(), Sender);
        NotificationService Service() => new(new[] { "ops@contoso.example" }, channel, new FileNotificationStateStore(dir.Path));

        await Service().NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "c1", Failures = 2 }, CancellationToken.None);
        var second = await Service().NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "c2", Failures = 4 }, CancellationToken.None);

        Assert.Equal(NotificationDisposition.AlreadyNotified, second.Single().Disposition);
        var sent = (await SentMail()).Single();
        Assert.Contains("c1", (string)sent["body"]);
    }
}
