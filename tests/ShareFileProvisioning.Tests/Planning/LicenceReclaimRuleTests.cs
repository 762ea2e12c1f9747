using System;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Tests.Planning
{
    /// <summary>Who a licence reclaim downgrades (docs/licence-reclaim.md); the apply path is proved end to end in Reclaim.Tests.ps1.</summary>
    public class LicenceReclaimRuleTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        private static LicenceReclaimOptions Both(int days = 90) =>
            LicenceReclaimOptions.From(new[] { ReclaimKind.InactiveEmployees, ReclaimKind.DisabledEmployees }, days, false);

        private static TargetUser Employee(DateTimeOffset? lastSignIn = null, DateTimeOffset? created = null, bool disabled = false, bool known = true) =>
            new TargetUser { Id = "u1", Email = "a@x.com", IsEmployee = true, IsDisabled = disabled, IsDisabledKnown = known, LastAnyLogin = lastSignIn, CreatedDate = created };

        [Fact]
        public void A_disabled_employee_is_reclaimed_as_Disabled()
        {
            Assert.Equal(ReclaimReason.Disabled, LicenceReclaim.Qualifies(Employee(Now.AddDays(-1), disabled: true), null, Both(), Now));
        }

        [Fact]
        public void An_employee_last_seen_before_the_period_is_Inactive_and_one_seen_within_it_is_not()
        {
            Assert.Equal(ReclaimReason.Inactive, LicenceReclaim.Qualifies(Employee(Now.AddDays(-91)), null, Both(), Now));
            Assert.Null(LicenceReclaim.Qualifies(Employee(Now.AddDays(-89)), null, Both(), Now));
        }

        [Fact]
        public void Never_signed_in_counts_only_once_the_account_is_older_than_the_period()
        {
            Assert.Equal(ReclaimReason.NeverSignedIn, LicenceReclaim.Qualifies(Employee(created: Now.AddDays(-120)), null, Both(), Now));
            Assert.Null(LicenceReclaim.Qualifies(Employee(created: Now.AddDays(-3)), null, Both(), Now));
            var ours = new ObjectLink { SourceId = "s1", TargetId = "u1", CreatedByUs = true, LinkedAt = Now.AddDays(-3) };
            Assert.Null(LicenceReclaim.Qualifies(Employee(), ours, Both(), Now));
        }

        [Fact]
        public void An_unknown_state_is_never_reclaimed_and_clients_never_are()
        {
            Assert.Null(LicenceReclaim.Qualifies(Employee(known: false), null, Both(), Now));
            var client = Employee(Now.AddDays(-400), disabled: true);
            client.IsEmployee = false;
            Assert.Null(LicenceReclaim.Qualifies(client, null, Both(), Now));
        }

        [Fact]
        public void InactiveDays_without_InactiveEmployees_is_refused_naming_the_parameter()
        {
            var e = Assert.Throws<ArgumentException>(() => LicenceReclaimOptions.From(new[] { ReclaimKind.DisabledEmployees }, 30, false));
            Assert.Contains("-InactiveDays", e.Message);
            Assert.Null(LicenceReclaimOptions.From(null, null, false));
        }
    }
}
