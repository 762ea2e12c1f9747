using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using MimeKit;
using netDumbster.smtp;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Notifications;

namespace ShareFileProvisioning.Tests.Notifications;

/// <summary>SMTP through MailKit to a real SMTP server (netDumbster) on a free loopback port.</summary>
public class SmtpMailChannelTests : IDisposable
{
    private readonly SimpleSmtpServer _server;
    private readonly int _port;

    public SmtpMailChannelTests()
    {
        _port = FreePort();
        _server = SimpleSmtpServer.Start(_port);
    }

    public void Dispose() => _server.Dispose();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private SmtpSettings Settings => new() { Host = "127.0.0.1", Port = _port, From = "provisioning@contoso.example", UseTls = false };

    private async Task<MimeMessage> WaitForMessage()
    {
        for (var i = 0; i < 50 && _server.ReceivedEmailCount == 0; i++) await Task.Delay(50);
        var raw = _server.ReceivedEmail.Single().Data;
        return await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
    }

    [Fact]
    public async Task The_message_arrives_with_sender_recipients_subject_and_plain_text_body()
    {
        var channel = new SmtpMailChannel(Settings);

        await channel.SendAsync(new NotificationMessage { Recipients = { "ops@contoso.example", "it@contoso.example" }, Subject = "[ShareFile provisioning] test", Body = "Profile: contoso\nCycle: c1\n" }, CancellationToken.None);

        var message = await WaitForMessage();
        Assert.Equal("provisioning@contoso.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(new[] { "ops@contoso.example", "it@contoso.example" }, message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("[ShareFile provisioning] test", message.Subject);
        Assert.Equal("text/plain", message.Body.ContentType.MimeType);
        Assert.Contains("Cycle: c1", message.TextBody);
    }

    [Fact]
    public async Task The_notification_service_mails_a_staged_delete_alert_over_smtp_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sfp-smtp-" + Guid.NewGuid().ToString("N"));
        try
        {
            NotificationService Service() => new(new[] { "ops@contoso.example" }, new SmtpMailChannel(Settings), new FileNotificationStateStore(dir));
            await Service().NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "c7", StagedDeletes = 512 }, CancellationToken.None);
            await Service().NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "c8", StagedDeletes = 512 }, CancellationToken.None);

            var message = await WaitForMessage();
            Assert.Contains("512", message.Subject);
            Assert.Contains("Invoke-ShareFileSync -AllowDeletes", message.TextBody);
            Assert.Contains("Cycle: c7", message.TextBody);
            Assert.Equal(1, _server.ReceivedEmailCount);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task A_server_that_is_not_there_fails_with_the_host_and_port_in_the_message()
    {
        var closed = FreePort();
        var channel = new SmtpMailChannel(new SmtpSettings { Host = "127.0.0.1", Port = closed, From = "p@contoso.example", UseTls = false });

        var e = await Assert.ThrowsAsync<NotificationException>(() => channel.SendAsync(new NotificationMessage { Recipients = { "ops@contoso.example" }, Subject = "s", Body = "b" }, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{closed}", e.Message);
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_field()
    {
        Assert.Contains("Smtp.Host", Assert.Throws<ArgumentException>(() => new SmtpMailChannel(new SmtpSettings { From = "a@b.c" })).Message);
        Assert.Contains("Smtp.From", Assert.Throws<ArgumentException>(() => new SmtpMailChannel(new SmtpSettings { Host = "h" })).Message);
    }
}
