using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.ShareFile.Models;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Reporting
{
    /// <summary>Classifies each ShareFile account from what was read (pure: no request).</summary>
    internal sealed class AccountClassifier
    {
        public LinkSet Links;
        public ProvisioningPlan Plan;
        public SourceReadResult Source;
        public Dictionary<string, TenantUser> Tenant = EmailKeys.NewIndex<TenantUser>();
        public Dictionary<string, AccountDetails> Details = new Dictionary<string, AccountDetails>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, List<string>> GroupsByOwner = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        public DateTimeOffset Now = DateTimeOffset.UtcNow;
        public int InactiveDays = 90;

        private Dictionary<string, PlanItem> _itemsByTarget;
        private Dictionary<string, ScopedUser> _sourceByEmail;
        private Dictionary<string, ScopedUser> _sourceById;

        /// <summary>ShareFile emails the links, the plan and the assigned users do not explain (the tenant is asked about these).</summary>
        public List<string> UnexplainedEmails(IEnumerable<TargetUser> users)
        {
            Prepare();
            return users.Where(u => u.Email != null && ExplainedBySource(u) == null)
                .Select(u => EmailKeys.Normalise(u.Email)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        public AccountReportEntry Classify(TargetUser u)
        {
            Prepare();
            var entry = new AccountReportEntry { Id = u.Id, Email = u.Email, DisplayName = u.DisplayName, IsEmployee = u.IsEmployee };
            FillState(entry, u);
            if (!ExplainedByLinkOrPlan(u, entry) && !ExplainedByAssignment(u, entry)) ExplainByTenant(u, entry);
            entry.ReclaimReason = ReclaimReason(entry);
            if (u.Id != null && GroupsByOwner.TryGetValue(u.Id, out var owned)) entry.OwnedGroups = owned.ToList();
            return entry;
        }

        private void Prepare()
        {
            if (_itemsByTarget != null) return;
            _itemsByTarget = new Dictionary<string, PlanItem>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in Plan?.Items ?? new List<PlanItem>())
            {
                if (item.ObjectType != PlanObjectType.User || item.Action == PlanAction.Unmanaged) continue;
                foreach (var id in new[] { item.TargetId }.Concat(item.ConflictingIds ?? new List<string>()).Where(i => i != null))
                    if (!_itemsByTarget.ContainsKey(id)) _itemsByTarget[id] = item;
            }
            _sourceByEmail = EmailKeys.NewIndex<ScopedUser>();
            _sourceById = new Dictionary<string, ScopedUser>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in Source?.Users ?? new List<ScopedUser>())
            {
                if (s.Id != null) _sourceById[s.Id] = s;
                object mail = null;
                s.Attributes?.TryGetValue("mail", out mail);
                EmailKeys.Index(_sourceByEmail, s, s.UserPrincipalName, mail as string);
            }
        }

        private void FillState(AccountReportEntry entry, TargetUser u)
        {
            if (u.Id != null && Details.TryGetValue(u.Id, out var d))
            {
                entry.IsAdministrator = d.IsAdministrator;
                entry.IsDisabled = d.StateKnown ? d.IsDisabled : (u.IsDisabledKnown ? u.IsDisabled : (bool?)null);
                entry.LastSignIn = d.StateKnown ? d.LastAnyLogin : u.LastAnyLogin;
                entry.SignInKnown = d.StateKnown || u.IsDisabledKnown;
            }
            else
            {
                // Clients are never read (no admin roles); an employee is not read when outside AdministratorCheck.ReclaimCandidates.
                entry.AdministratorKnown = !u.IsEmployee;
                entry.IsDisabled = u.IsDisabledKnown ? u.IsDisabled : (bool?)null;
                entry.LastSignIn = u.LastAnyLogin;
                // The feeds that leave IsDisabled out leave LastAnyLogin out too.
                entry.SignInKnown = u.IsDisabledKnown;
            }
            if (entry.LastSignIn is DateTimeOffset last) entry.DaysSinceSignIn = Math.Max(0, (int)(Now - last).TotalDays);
        }

        private bool ExplainedByLinkOrPlan(TargetUser u, AccountReportEntry entry)
        {
            if (LinkedUser(u, out var link))
            {
                // Managed only while the linked Entra user is in scope (or its read failed: unknown is never out of scope);
                // a linked user who left the scope is explained like any other account, by the tenant.
                if (_sourceById.TryGetValue(link.SourceId, out var linked)) return ByAssignedUser(linked, entry, AccountClass.Managed);
                if (!ReadFailed(link.SourceId)) return false;
                Set(entry, AccountClass.Managed, link.SourceId);
                return true;
            }
            if (u.Id != null && _itemsByTarget.TryGetValue(u.Id, out var item) && item.SourceId != null)
            {
                // The plan matched it, but a disabled or filtered-out user is not in scope: the sync would not adopt it.
                if (_sourceById.TryGetValue(item.SourceId, out var s)) return ByAssignedUser(s, entry);
                Set(entry, AccountClass.AssignedNotLinked, item.SourceId);
                return true;
            }
            return false;
        }

        private ScopedUser ExplainedBySource(TargetUser u)
        {
            if (LinkedUser(u, out var link))
                return _sourceById.ContainsKey(link.SourceId) || ReadFailed(link.SourceId) ? new ScopedUser() : null;
            if (u.Id != null && _itemsByTarget.ContainsKey(u.Id)) return new ScopedUser();
            return u.Email != null && _sourceByEmail.TryGetValue(EmailKeys.Normalise(u.Email), out var s) ? s : null;
        }

        private bool LinkedUser(TargetUser u, out ObjectLink link)
        {
            link = null;
            return Links != null && Links.TryGetByTarget(u.Id, out link) && link.ObjectType == LinkedObjectType.User && link.SourceId != null;
        }

        private bool ReadFailed(string sourceId) => Source?.UnknownUserIds?.Contains(sourceId) == true;

        private bool ExplainedByAssignment(TargetUser u, AccountReportEntry entry)
        {
            // A linked account stands for its own Entra user, not for whoever else shares its email.
            return !LinkedUser(u, out _) && u.Email != null && _sourceByEmail.TryGetValue(EmailKeys.Normalise(u.Email), out var s) && ByAssignedUser(s, entry);
        }

        private bool ByAssignedUser(ScopedUser s, AccountReportEntry entry, AccountClass inScope = AccountClass.AssignedNotLinked)
        {
            if (s.IsFilteredOut) Set(entry, AccountClass.Unassigned, s.Id, UnassignedReason.FilteredOut);
            else if (!s.AccountEnabled) Set(entry, AccountClass.Unassigned, s.Id, UnassignedReason.Disabled);
            else Set(entry, inScope, s.Id);
            return true;
        }

        private void ExplainByTenant(TargetUser u, AccountReportEntry entry)
        {
            if (u.Email == null || !Tenant.TryGetValue(EmailKeys.Normalise(u.Email), out var t))
            {
                entry.Class = AccountClass.Local;
                return;
            }
            var reason = t.SoftDeleted ? UnassignedReason.SoftDeleted : !t.AccountEnabled ? UnassignedReason.Disabled : UnassignedReason.NotAssigned;
            entry.Class = AccountClass.Unassigned;
            entry.UnassignedReason = reason;
            entry.EntraId = t.Id;
            entry.EntraUserPrincipalName = t.UserPrincipalName;
        }

        private void Set(AccountReportEntry entry, AccountClass cls, string sourceId, UnassignedReason reason = UnassignedReason.None)
        {
            entry.Class = cls;
            entry.UnassignedReason = reason;
            entry.EntraId = sourceId;
            if (sourceId != null && _sourceById.TryGetValue(sourceId, out var s)) entry.EntraUserPrincipalName = s.UserPrincipalName;
        }

        /// <summary>True when a reclaim could propose this employee by what the feeds say (or the feeds do not say).</summary>
        public bool MayBeReclaimed(TargetUser u) =>
            u.IsEmployee && (!u.IsDisabledKnown || u.IsDisabled || u.LastAnyLogin == null || (Now - u.LastAnyLogin.Value).TotalDays >= InactiveDays);

        /// <summary>Why downgrading this employee would free a licence; null when it would not (clients, administrators, active employees).</summary>
        private string ReclaimReason(AccountReportEntry e)
        {
            // An employee whose roles were not read may be an administrator: never proposed.
            if (!e.IsEmployee || e.IsAdministrator || !e.AdministratorKnown) return null;
            if (e.IsDisabled == true) return "Disabled";
            if (!e.SignInKnown) return null;
            if (e.LastSignIn == null) return "NeverSignedIn";
            return e.DaysSinceSignIn >= InactiveDays ? "Inactive" : null;
        }
    }
}
