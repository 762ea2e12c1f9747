using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Engine.Sync;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Tests.State
{
    /// <summary>
    /// The behaviour every <see cref="IStateStore"/> must have. A store implementation derives from this class and
    /// supplies stores over one shared location; xunit runs every test for each derived class.
    /// </summary>
    public abstract class StateStoreContractTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        /// <summary>A store over the test's state location.</summary>
        protected abstract IStateStore CreateStore();

        /// <summary>A second, independent store over the same location (another process/runbook in real life).</summary>
        protected abstract IStateStore CreateSecondStoreOnSameState();

        protected static CancellationToken Ct => CancellationToken.None;

        private static ObjectLink Link(int i) => new ObjectLink
        {
            SourceId = Guid.Parse($"00000000-0000-0000-0000-{i:D12}").ToString(),
            TargetId = "sf" + i.ToString("D8"),
            ObjectType = i % 50 == 0 ? LinkedObjectType.Group : LinkedObjectType.User,
            DisplayName = "User \"" + i + "\" é",
            MatchedBy = i % 2 == 0 ? "userPrincipalName" : null,
            CreatedByUs = i % 2 == 1,
            LinkedAt = T0.AddSeconds(i),
            OutOfScopeSince = i % 7 == 0 ? T0.AddDays(1) : (DateTimeOffset?)null,
        };

        [Fact]
        public async Task A_new_store_is_empty()
        {
            var store = CreateStore();

            Assert.Equal(0, (await store.LoadLinksAsync(Ct)).Count);
            var delta = await store.LoadDeltaLinksAsync(Ct);
            Assert.Null(delta.Users);
            Assert.Null(await store.LoadAssignmentSnapshotAsync(Ct));
            Assert.Empty(await store.LoadRetryQueueAsync(Ct));
            Assert.Empty(await store.LoadCycleHistoryAsync(Ct));
            Assert.Null(await store.LoadQuarantineAsync(Ct));
            Assert.Empty(await store.LoadStagedDeletesAsync(Ct));
        }

        [Fact]
        public async Task One_hundred_thousand_links_round_trip_with_every_field_and_both_lookups()
        {
            var store = CreateStore();
            var links = Enumerable.Range(1, 100_000).Select(Link).ToList();

            await store.SaveLinksAsync(links, Ct);
            var watch = Stopwatch.StartNew();
            var loaded = await CreateSecondStoreOnSameState().LoadLinksAsync(Ct);
            watch.Stop();

            Assert.Equal(100_000, loaded.Count);
            foreach (var i in new[] { 1, 2, 7, 50, 99_999, 100_000 })
            {
                var expected = Link(i);
                Assert.True(loaded.TryGetBySource(expected.SourceId.ToUpperInvariant(), out var actual));
                Assert.Equal(expected.TargetId, actual.TargetId);
                Assert.Equal(expected.ObjectType, actual.ObjectType);
                Assert.Equal(expected.DisplayName, actual.DisplayName);
                Assert.Equal(expected.MatchedBy, actual.MatchedBy);
                Assert.Equal(expected.CreatedByUs, actual.CreatedByUs);
                Assert.Equal(expected.LinkedAt, actual.LinkedAt);
                Assert.Equal(expected.OutOfScopeSince, actual.OutOfScopeSince);
                Assert.True(loaded.TryGetByTarget(expected.TargetId, out var byTarget));
                Assert.Same(actual, byTarget);
            }
            // Not a benchmark: a generous bound that only a non-streaming or quadratic load would miss on a busy machine.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Loading 100,000 links took {watch.Elapsed}.");
        }

        [Fact]
        public async Task Links_can_be_added_changed_and_removed()
        {
            var store = CreateStore();
            await store.SaveLinksAsync(new[] { Link(1), Link(2), Link(3) }, Ct);

            var links = await store.LoadLinksAsync(Ct);
            links.Remove(Link(2).SourceId);
            var changed = Link(3);
            changed.TargetId = "sf-new";
            links.Upsert(changed);
            links.Upsert(Link(4));
            await store.SaveLinksAsync(links, Ct);
            var reloaded = await store.LoadLinksAsync(Ct);

            Assert.Equal(new[] { Link(1).SourceId, Link(3).SourceId, Link(4).SourceId }, reloaded.Select(l => l.SourceId).OrderBy(s => s).ToArray());
            Assert.True(reloaded.TryGetByTarget("sf-new", out _));
            Assert.False(reloaded.TryGetByTarget(Link(3).TargetId, out _));
        }

        [Fact]
        public void A_ShareFile_object_cannot_be_linked_to_two_source_objects()
        {
            var links = new LinkSet(new[] { Link(1) });
            var clash = Link(2);
            clash.TargetId = Link(1).TargetId;
            var e = Assert.Throws<InvalidOperationException>(() => links.Upsert(clash));
            Assert.Contains(Link(1).SourceId, e.Message);
        }

        [Fact]
        public async Task Delta_links_and_the_assignment_snapshot_round_trip()
        {
            var store = CreateStore();
            await store.SaveDeltaLinksAsync(new DeltaLinks { Users = "https://graph/v1.0/users/delta?$deltatoken=u1", Groups = "g1", UpdatedAt = T0 }, Ct);
            await store.SaveAssignmentSnapshotAsync(new AssignmentSnapshot
            {
                TakenAt = T0,
                Principals = { new AssignedPrincipal { PrincipalId = "p1", PrincipalType = LinkedObjectType.Group, AppRoleId = "r1" } },
            }, Ct);

            var other = CreateSecondStoreOnSameState();
            var delta = await other.LoadDeltaLinksAsync(Ct);
            var snapshot = await other.LoadAssignmentSnapshotAsync(Ct);

            Assert.Equal("https://graph/v1.0/users/delta?$deltatoken=u1", delta.Users);
            Assert.Equal("g1", delta.Groups);
            Assert.Equal(T0, delta.UpdatedAt);
            Assert.Equal(T0, snapshot.TakenAt);
            var p = Assert.Single(snapshot.Principals);
            Assert.Equal(("p1", LinkedObjectType.Group, "r1"), (p.PrincipalId, p.PrincipalType, p.AppRoleId));
        }

        [Fact]
        public async Task The_retry_queue_keeps_attempts_times_and_errors()
        {
            var store = CreateStore();
            var entry = new RetryQueueEntry
            {
                Action = "Create", ObjectType = LinkedObjectType.User, ObjectId = "u1", DisplayName = "Ada", AttemptCount = 2,
                FirstFailureAt = T0, NextAttemptAt = T0.AddHours(12), LastErrorCode = "ShareFileHttp503", LastErrorMessage = "Service unavailable",
            };

            await store.SaveRetryQueueAsync(new[] { entry }, Ct);
            var loaded = Assert.Single(await store.LoadRetryQueueAsync(Ct));

            Assert.Equal((entry.Action, entry.ObjectId, entry.AttemptCount, entry.FirstFailureAt, entry.NextAttemptAt, entry.LastErrorCode, entry.LastErrorMessage),
                (loaded.Action, loaded.ObjectId, loaded.AttemptCount, loaded.FirstFailureAt, loaded.NextAttemptAt, loaded.LastErrorCode, loaded.LastErrorMessage));
            await store.SaveRetryQueueAsync(new RetryQueueEntry[0], Ct);
            Assert.Empty(await store.LoadRetryQueueAsync(Ct));
        }

        [Fact]
        public async Task Cycle_history_appends_and_keeps_the_newest()
        {
            var store = CreateStore();
            for (var i = 1; i <= 5; i++)
            {
                await store.AppendCycleHistoryAsync(new CycleHistoryEntry
                {
                    CycleId = "c" + i, CycleType = "Incremental", StartedAt = T0.AddHours(i), CompletedAt = T0.AddHours(i).AddMinutes(1),
                    Status = "Succeeded", Counts = { ["Create"] = i },
                }, keep: 3, Ct);
            }

            var history = await store.LoadCycleHistoryAsync(Ct);

            Assert.Equal(new[] { "c3", "c4", "c5" }, history.Select(h => h.CycleId).ToArray());
            Assert.Equal(5, history[2].Counts["create"]);
        }

        [Fact]
        public async Task Quarantine_is_set_read_and_cleared()
        {
            var store = CreateStore();
            await store.SaveQuarantineAsync(new QuarantineStatus { Reason = "TooManyDeletes", Since = T0, Details = "612 > 500" }, Ct);
            var q = await store.LoadQuarantineAsync(Ct);
            Assert.Equal(("TooManyDeletes", T0), (q.Reason, q.Since));

            await store.SaveQuarantineAsync(null, Ct);
            Assert.Null(await store.LoadQuarantineAsync(Ct));
        }

        [Fact]
        public async Task Staged_deletes_round_trip()
        {
            var store = CreateStore();
            await store.SaveStagedDeletesAsync(new[] { new StagedDelete { SourceId = "u1", TargetId = "sf1", ObjectType = LinkedObjectType.User, Action = "Disable", CycleId = "c1", StagedAt = T0 } }, Ct);
            var staged = Assert.Single(await store.LoadStagedDeletesAsync(Ct));
            Assert.Equal(("u1", "sf1", "Disable", false), (staged.SourceId, staged.TargetId, staged.Action, staged.Approved));
        }

        [Fact]
        public async Task Reset_clears_links_delta_links_snapshot_and_retry_queue_but_keeps_history()
        {
            var store = CreateStore();
            await store.SaveLinksAsync(new[] { Link(1) }, Ct);
            await store.SaveDeltaLinksAsync(new DeltaLinks { Users = "u" }, Ct);
            await store.SaveAssignmentSnapshotAsync(new AssignmentSnapshot { TakenAt = T0 }, Ct);
            await store.SaveRetryQueueAsync(new[] { new RetryQueueEntry { Action = "Create", ObjectId = "u1" } }, Ct);
            await store.AppendCycleHistoryAsync(new CycleHistoryEntry { CycleId = "c1" }, 10, Ct);

            await store.ResetAsync(Ct);

            Assert.Equal(0, (await store.LoadLinksAsync(Ct)).Count);
            Assert.Null((await store.LoadDeltaLinksAsync(Ct)).Users);
            Assert.Null(await store.LoadAssignmentSnapshotAsync(Ct));
            Assert.Empty(await store.LoadRetryQueueAsync(Ct));
            Assert.Single(await store.LoadCycleHistoryAsync(Ct));
        }

        [Fact]
        public async Task Named_documents_round_trip_through_a_second_store_and_null_deletes_them()
        {
            var store = CreateStore();
            Assert.Null(await store.LoadDocumentAsync<List<PendingCreate>>(StateDocumentName.PendingCreates, Ct));

            await store.SaveDocumentAsync(StateDocumentName.PendingCreates, new List<PendingCreate>
            {
                new PendingCreate { SourceId = "u1", Email = "ada@contoso.example", DisplayName = "Ada é", RecordedAt = T0 },
            }, Ct);
            var loaded = await CreateSecondStoreOnSameState().LoadDocumentAsync<List<PendingCreate>>(StateDocumentName.PendingCreates, Ct);
            Assert.Equal("ada@contoso.example", Assert.Single(loaded).Email);
            Assert.Equal("Ada é", loaded[0].DisplayName);
            Assert.Equal(T0, loaded[0].RecordedAt);

            await store.SaveDocumentAsync<List<PendingCreate>>(StateDocumentName.PendingCreates, null, Ct);
            Assert.Null(await CreateSecondStoreOnSameState().LoadDocumentAsync<List<PendingCreate>>(StateDocumentName.PendingCreates, Ct));
        }

        [Theory]
        [InlineData("../links.json")]
        [InlineData("state/lock")]
        [InlineData("Notes.json")]
        [InlineData("")]
        public async Task A_document_name_that_could_escape_the_state_is_refused(string name)
        {
            var e = await Assert.ThrowsAsync<ArgumentException>(() => CreateStore().SaveDocumentAsync(name, new List<string>(), Ct));
            Assert.Contains("not a state document name", e.Message);
        }

        [Fact]
        public async Task Pending_creates_kept_through_the_store_are_seen_by_the_next_process()
        {
            var pendingCreates = new PendingCreateStore(CreateStore());
            await pendingCreates.AddAsync(new[] { new PendingCreate { SourceId = "u2", Email = "grace@contoso.example", RecordedAt = T0 } }, Ct);

            var next = new PendingCreateStore(CreateSecondStoreOnSameState());
            await next.LoadAsync(Ct);
            Assert.Equal("grace@contoso.example", Assert.Single(next.Pending).Email);

            await next.ClearAsync(Ct);
            var after = new PendingCreateStore(CreateStore());
            await after.LoadAsync(Ct);
            Assert.Empty(after.Pending);
        }

        [Fact]
        public async Task Notification_state_kept_through_the_store_is_seen_by_the_next_process()
        {
            await new StateNotificationStateStore(CreateStore()).SaveNotifiedAsync(new[] { "StagedDeletes", "stageddeletes", "Quarantine" }, "c1", Ct);

            var notified = await new StateNotificationStateStore(CreateSecondStoreOnSameState()).LoadNotifiedAsync(Ct);
            Assert.Equal(new[] { "Quarantine", "StagedDeletes" }, notified.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public async Task A_second_lock_holder_fails_fast_naming_the_first_and_gets_it_after_release()
        {
            var first = CreateStore();
            var second = CreateSecondStoreOnSameState();

            using (var held = await first.AcquireLockAsync(Ct))
            {
                var watch = Stopwatch.StartNew();
                var e = await Assert.ThrowsAsync<StateLockedException>(() => second.AcquireLockAsync(Ct));
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The second holder must fail fast, not wait.");

                Assert.NotNull(e.Holder);
                Assert.Equal(Environment.ProcessId, e.Holder.ProcessId);
                Assert.Contains("process " + Environment.ProcessId, e.Message);
                Assert.Contains(Environment.MachineName, e.Message);
                Assert.Contains(Environment.UserName, e.Message);
                Assert.Equal(held.Holder.Since, e.Holder.Since);
            }

            await using (var again = await second.AcquireLockAsync(Ct))
            {
                Assert.Equal(Environment.ProcessId, again.Holder.ProcessId);
            }
        }
    }
}
