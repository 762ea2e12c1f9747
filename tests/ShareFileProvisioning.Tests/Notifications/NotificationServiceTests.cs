using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.Notifications;

/// <summary>One email per condition, never repeated for a condition that persists over consecutive cycles.</summary>
public class NotificationServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CollectingChannel _channel = new();
    private static readonly string[] Recipients = { "ops@contoso.example", "it@contoso.example" };

    public void Dispose() => _dir.Dispose();

    /// <summary>A channel that keeps what it was given, or refuses while <see cref="Refuse"/> is set.</summary>
    private sealed class CollectingChannel : INotificationChannel
    {
        public List<NotificationMessage> Sent { get; } = new();

        public bool Refuse { get; set; }

        public string Description => "collector";

        public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
        {
            if (Refuse) throw new NotificationException("collector: mailbox unavailable");
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    // A new service per cycle, as each sync run builds its own: the memory is the state file.
    private Task<IReadOnlyList<NotificationResult>> Cycle(int n, int failures = 0, int staged = 0, string quarantine = null, INotificationChannel channel = null, IEnumerable<string> recipients = null) =>
        new NotificationService(recipients ?? Recipients, channel ?? _channel, new FileNotificationStateStore(_dir.Path))
            .NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "cycle-" + n, CycleType = "Incremental", Failures = failures, Actions = 40, StagedDeletes = staged, QuarantineReason = quarantine }, CancellationToken.None);

    [Fact]
    public async Task A_condition_is_mailed_once_while_it_persists_and_again_after_it_cleared()
    {
        var r1 = await Cycle(1, failures: 3);
        var r2 = await Cycle(2, failures: 5);
        var r3 = await Cycle(3);
        var r4 = await Cycle(4, failures: 1);

        Assert.Equal(NotificationDisposition.Sent, r1.Single().Disposition);
        Assert.Equal(NotificationDisposition.AlreadyNotified, r2.Single().Disposition);
        Assert.Empty(r3);
        Assert.Equal(NotificationDisposition.Sent, r4.Single().Disposition);
        Assert.Equal(2, _channel.Sent.Count);
        Assert.Contains("cycle-4", _channel.Sent[1].Body);
    }

    [Fact]
    public async Task Each_condition_gets_its_own_email_to_all_recipients()
    {
        var results = await Cycle(1, failures: 2, staged: 600, quarantine: "TooManyDeletes");

        Assert.Equal(new[] { "Quarantined:TooManyDeletes", "StagedDeletes", "Failures" }, results.Select(r => r.Condition));
        Assert.All(results, r => Assert.Equal(NotificationDisposition.Sent, r.Disposition));
        Assert.Equal(3, _channel.Sent.Count);
        Assert.All(_channel.Sent, m => Assert.Equal(Recipients, m.Recipients));
        var staged = _channel.Sent[1];
        Assert.Contains("contoso", staged.Subject);
        Assert.Contains("600", staged.Subject);
        Assert.Contains("Profile: contoso", staged.Body);
        Assert.Contains("Cycle: cycle-1", staged.Body);
        Assert.Contains("Invoke-ShareFileSync -AllowDeletes", staged.Body);
        Assert.Contains("Get-ShareFileProvisioningLog -Action StagedDelete", staged.Body);
        Assert.Contains("TooManyDeletes", _channel.Sent[0].Subject);
        Assert.Contains("Get-ShareFileProvisioningLog -CycleId cycle-1 -Status Failure", _channel.Sent[2].Body);
    }

    [Fact]
    public async Task A_changed_quarantine_reason_is_a_new_condition()
    {
        await Cycle(1, quarantine: "EncounteredQuarantineException");
        var same = await Cycle(2, quarantine: "EncounteredQuarantineException");
        var changed = await Cycle(3, quarantine: "EncounteredEscrowProportionThreshold");

        Assert.Equal(NotificationDisposition.AlreadyNotified, same.Single().Disposition);
        Assert.Equal(NotificationDisposition.Sent, changed.Single().Disposition);
        Assert.Equal(2, _channel.Sent.Count);
    }

    [Fact]
    public async Task Only_the_new_condition_is_mailed_when_another_persists()
    {
        await Cycle(1, failures: 1);
        var results = await Cycle(2, failures: 1, staged: 3);

        Assert.Equal(NotificationDisposition.AlreadyNotified, results.Single(r => r.Condition == "Failures").Disposition);
        Assert.Equal(NotificationDisposition.Sent, results.Single(r => r.Condition == "StagedDeletes").Disposition);
        Assert.Equal(2, _channel.Sent.Count);
    }

    [Fact]
    public async Task A_refused_email_is_reported_not_thrown_and_tried_again_next_cycle()
    {
        _channel.Refuse = true;
        var failed = await Cycle(1, failures: 2);
        _channel.Refuse = false;
        var retried = await Cycle(2, failures: 2);

        Assert.Equal(NotificationDisposition.Failed, failed.Single().Disposition);
        Assert.Contains("mailbox unavailable", failed.Single().Error);
        Assert.Equal(NotificationDisposition.Sent, retried.Single().Disposition);
        Assert.Single(_channel.Sent);
    }

    [Fact]
    public async Task Without_recipients_nothing_is_sent_and_nothing_is_remembered()
    {
        var none = await Cycle(1, failures: 2, recipients: Array.Empty<string>());
        var later = await Cycle(2, failures: 2);

        Assert.Equal(NotificationDisposition.NotConfigured, none.Single().Disposition);
        Assert.Equal(NotificationDisposition.Sent, later.Single().Disposition);
    }

    [Fact]
    public async Task The_memory_is_a_small_json_file_in_the_state_folder()
    {
        var profile = new ProvisioningProfile("contoso", _dir.Combine("profiles", "contoso"));
        var service = NotificationService.For(profile, new NotificationSettings { Recipients = { "ops@contoso.example" } }, _channel);

        await service.NotifyAsync(new CycleOutcome { ProfileName = "contoso", CycleId = "c1", StagedDeletes = 2 }, CancellationToken.None);

        var file = Path.Combine(profile.StateDirectory, FileNotificationStateStore.FileName);
        Assert.Contains("StagedDeletes", File.ReadAllText(file));
        Assert.Equal(new[] { "StagedDeletes" }, await new FileNotificationStateStore(profile).LoadNotifiedAsync(CancellationToken.None));
    }
}
