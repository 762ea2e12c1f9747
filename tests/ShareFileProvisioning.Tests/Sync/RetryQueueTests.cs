using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Tests.Sync;

/// <summary>The retry queue's bookkeeping: back-off per attempt, and the kind of object that failed.</summary>
public class RetryQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failed_group_action_is_queued_as_a_group_and_backs_off_per_attempt()
    {
        var book = new RetryQueue(Array.Empty<RetryQueueEntry>(), new[] { TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24) });

        var first = book.Fail("g-1", "AddMembers", "Finance", "BadRequest", "rejected", Now, LinkedObjectType.Group);
        var second = book.Fail("g-1", "AddMembers", "Finance", "BadRequest", "rejected", Now);
        var user = book.Fail("u-1", "Create", "Ada", "Conflict", "exists", Now);

        Assert.Same(first, second);
        Assert.Equal(LinkedObjectType.Group, second.ObjectType);
        Assert.Equal(2, second.AttemptCount);
        Assert.Equal(Now.AddHours(6), second.NextAttemptAt);   // the first retry is the next cycle, then 6 h, 12 h, 24 h
        Assert.Equal(LinkedObjectType.User, user.ObjectType);
        Assert.Equal(Now, user.NextAttemptAt);
    }
}
