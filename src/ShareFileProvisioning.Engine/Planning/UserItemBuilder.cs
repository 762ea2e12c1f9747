using System;
using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Mapping;
using ShareFileProvisioning.Engine.Mapping.Expressions;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>Thread-safe once the target index is built. Decides one user's item: link or match, then create, adopt, update, enable/disable, retype or deprovision, or skip with a reason.</summary>
    internal sealed class UserItemBuilder
    {
        private readonly PlanningInput _input;
        private readonly TargetIndex _index;
        private readonly IReadOnlyDictionary<string, List<string>> _memberOf;
        private readonly EvaluationContext _context;
        private readonly string _sourceName;
        private readonly string _retrieved;
        private readonly HashSet<string> _strictDomains;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>> _scopingDetails =
            new System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);

        public UserItemBuilder(PlanningInput input, TargetIndex index, IReadOnlyDictionary<string, List<string>> memberOf, EvaluationContext context)
        {
            _input = input;
            _index = index;
            _memberOf = memberOf;
            _context = context;
            _sourceName = input.Basis?.SourceName ?? "the source";
            _retrieved = $"Retrieved the user from {_sourceName}.";
            _strictDomains = input.Target.UseStrictEmployeeDefinition
                ? new HashSet<string>(input.Target.EmployeeEmailDomains ?? new List<string>(), StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>();
        }

        private MappingSet Mappings => _input.Mappings;

        public PlanItem Build(PlanSubject s)
        {
            var item = new PlanItem
            {
                ChangeId = Guid.NewGuid().ToString(),
                ObjectType = PlanObjectType.User,
                SourceId = s.SourceId,
                SourceAnchor = s.Anchor,
                DisplayName = s.DisplayName,
            };
            item.Steps.Add(PlanSteps.Import(s, _sourceName, _retrieved));
            item.Steps.Add(PlanSteps.Scoping(s, Mappings.Scoping, _scopingDetails));
            var matching = s.InScope ? DecideInScope(s, item) : DecideOutOfScope(s, item);
            item.Steps.Add(PlanSteps.Decision(item, matching));
            return item;
        }

        private string DecideInScope(PlanSubject s, PlanItem item)
        {
            var attributes = (ISourceAttributes)s.User.Attributes ?? new SourceObject();
            TargetUser target = null;
            string matching = null;
            if (s.Link != null)
            {
                target = _index.ById(s.Link.TargetId);
                if (target == null)
                {
                    item.Link.ReplacesTargetId = s.Link.TargetId;
                    matching = $"The linked ShareFile user {s.Link.TargetId} no longer exists.";
                }
                else
                {
                    matching = $"Linked to ShareFile user {target.Email} ({target.Id}).";
                }
            }

            var adopted = false;
            string matchedBy = null;
            if (target == null)
            {
                var decided = Match(s, attributes, item, out target, out matchedBy, out var description);
                matching = matching == null ? description : matching + " " + description;
                if (decided) return matching;
                adopted = target != null;
            }

            IReadOnlyList<MappedValue> values;
            UserKind kind;
            try
            {
                values = GuestUsers.Fix(Mappings.Evaluate(attributes, target == null, _context), attributes);
                kind = GuestUsers.Kind(Mappings.UserType.Resolve(attributes, MemberOf(s.SourceId), _context), Mappings.UserType, attributes);
            }
            catch (MappingEvaluationException e)
            {
                PlanMarks.Skip(item, SkipReason.MappingFailed, $"A mapping failed for {s.DisplayName}: {e.Message}");
                return matching;
            }

            var problem = s.User.IsSoftDeleted && target == null ? null : TargetValueCheck.Find(values, target == null, s.DisplayName);
            if (problem != null)
            {
                PlanMarks.Skip(item, problem.Reason, problem.Message);
                return matching;
            }
            if (target == null) PlanCreate(s, item, values, kind);
            else PlanUpdate(s, item, target, values, kind, adopted, matchedBy);
            return matching;
        }

        /// <summary>First match wins in precedence order; true when the item is decided (conflict or skip).</summary>
        private bool Match(PlanSubject s, ISourceAttributes attributes, PlanItem item, out TargetUser target, out string matchedBy, out string description)
        {
            target = null;
            matchedBy = null;
            var tried = new List<string>();
            foreach (var m in Mappings.Matching)
            {
                string value;
                try
                {
                    value = m.Target == TargetAttribute.Email ? GuestUsers.Email(m.EvaluateForMatching(attributes, _context), attributes) : m.EvaluateForMatching(attributes, _context);
                }
                catch (MappingEvaluationException e)
                {
                    description = null;
                    PlanMarks.Skip(item, SkipReason.MappingFailed, $"The matching mapping failed for {s.DisplayName}: {e.Message}");
                    return true;
                }
                if (value == null) continue;
                var attempt = $"{m.Target} '{value}'";
                if (!tried.Contains(attempt)) tried.Add(attempt);
                var hits = _index.Find(m.Target, value);
                if (hits.Count == 0) continue;
                if (hits.Count > 1)
                {
                    description = $"Matching {m.Source} → {m.Target} '{value}' found {hits.Count} ShareFile users.";
                    PlanMarks.Conflict(item, SkipReason.DuplicateTargetEntries,
                        $"{m.Target} '{value}' matches {hits.Count} ShareFile users: {string.Join(", ", hits.Select(h => $"{h.Email} ({h.Id})"))}; nothing is changed until only one remains.",
                        hits.Select(h => h.Id));
                    return true;
                }
                var hit = hits[0];
                if (_input.Links.TryGetByTarget(hit.Id, out var other) && !string.Equals(other.SourceId, s.SourceId, StringComparison.OrdinalIgnoreCase))
                {
                    description = $"Matched ShareFile user {hit.Email} ({hit.Id}) by {m.Source}.";
                    item.TargetId = hit.Id;
                    item.TargetEmail = hit.Email;
                    PlanMarks.Conflict(item, SkipReason.DuplicateSourceEntries,
                        $"ShareFile user {hit.Email} ({hit.Id}) is already linked to source object {other.DisplayName ?? other.SourceId} ({other.SourceId}).",
                        new[] { other.SourceId });
                    return true;
                }
                target = hit;
                matchedBy = m.Type == MappingType.Direct ? m.Source.Trim('[', ']') : m.Source;
                description = $"Matched ShareFile user {hit.Email} ({hit.Id}) by {m.Source} → {m.Target} '{value}'.";
                return false;
            }

            if (tried.Count == 0)
            {
                description = "No matching attribute has a value.";
                PlanMarks.Skip(item, SkipReason.MissingRequiredAttribute,
                    $"{s.DisplayName} has no value for any matching attribute ({string.Join(", ", Mappings.Matching.Select(m => m.Source))}); it cannot be matched or created.");
                return true;
            }
            description = "No ShareFile user matches " + string.Join(" or ", tried) + ".";
            return false;
        }

        private void PlanCreate(PlanSubject s, PlanItem item, IReadOnlyList<MappedValue> values, UserKind kind)
        {
            if (s.User.IsSoftDeleted)
            {
                PlanMarks.Skip(item, SkipReason.NotProvisionedDisabled, $"{s.DisplayName} is disabled or deleted in {_sourceName}; a disabled user is never created.");
                return;
            }
            var email = values.FirstOrDefault(v => v.Target == TargetAttribute.Email);
            var text = email.ShouldWrite ? (email.Value as string)?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                PlanMarks.Skip(item, SkipReason.MissingRequiredAttribute, $"The Email mapping gives no value for {s.DisplayName}; ShareFile needs an email to create a user.");
                return;
            }
            if (!TargetValues.IsValidEmail(text))
            {
                PlanMarks.Skip(item, SkipReason.InvalidEmail, email.IsRedacted
                    ? $"The Email mapping for {s.DisplayName} gives no valid address."
                    : $"The Email mapping for {s.DisplayName} gives '{text}', which is not a single valid address.");
                return;
            }
            if (kind == UserKind.Client && _strictDomains.Count > 0 && _strictDomains.Contains(Domain(text)))
            {
                item.TargetEmail = text;
                PlanMarks.Skip(item, SkipReason.ClientMustBeCreatedAsEmployee,
                    $"{text} is on the strict employee domain {Domain(text)}: ShareFile refuses to create it as a client (ClientMustBeCreatedAsEmployee). Make it an employee or change the domain settings.");
                return;
            }
            var holders = _index.Find(TargetAttribute.Email, text);
            if (holders.Count > 0)
            {
                item.TargetEmail = text;
                PlanMarks.Conflict(item, SkipReason.EmailInUse,
                    $"{text} already belongs to ShareFile user {holders[0].Id}, which the matching attributes do not find; add Email as a matching attribute or resolve it by hand.",
                    holders.Select(h => h.Id));
                return;
            }

            item.Action = PlanAction.Create;
            item.TargetEmail = text;
            item.UserType = kind;
            foreach (var v in values)
            {
                if (!v.ShouldWrite || v.Target == TargetAttribute.UserType) continue;
                if (kind == UserKind.Client && IsEmployeeOnly(v.Target)) continue;
                AttributeDiff.Add(item, v.Target, null, v.Target == TargetAttribute.Email ? text : v.Value, v.IsRedacted);
            }
            AttributeDiff.Add(item, TargetAttribute.UserType, null, kind, false);
            item.Link.Kind = PlanLinkChangeKind.Add;
            item.Reason = $"Create {kind.ToString().ToLowerInvariant()} {text}.";
        }

        private void PlanUpdate(PlanSubject s, PlanItem item, TargetUser target, IReadOnlyList<MappedValue> values, UserKind kind, bool adopted, string matchedBy)
        {
            item.TargetId = target.Id;
            item.TargetEmail = target.Email;
            var current = target.IsEmployee ? UserKind.Employee : UserKind.Client;
            var protect = IsProtected(target);
            var blocked = protect && kind == UserKind.Client && current == UserKind.Employee;
            if (blocked) kind = current;
            var held = kind == UserKind.Employee && current == UserKind.Client && HeldAsClient(s.Link, target);
            if (held) kind = current;
            item.UserType = kind;
            foreach (var v in values)
            {
                if (v.Target == TargetAttribute.UserType) continue;
                if (protect && !AllowedForAdministrator(v, adopted))
                {
                    blocked |= v.ShouldWrite && !Equals(AttributeDiff.Current(target, v.Target), v.Value) && AttributeDiff.IsComparable(v.Target);
                    continue;
                }
                AttributeDiff.Compare(target, v, item);
            }
            if (blocked && item.Changes.Count == 0)
            {
                PlanMarks.Skip(item, SkipReason.AdminProtected,
                    $"{target.Email} is an administrator of the ShareFile account: a sync never disables, downgrades or deletes it{(adopted ? " and, adopted, updates only its names" : "")}.", keepLink: !adopted);
                if (adopted) { item.Link.Kind = PlanLinkChangeKind.Add; item.Link.MatchedBy = matchedBy; }
                return;
            }
            if (kind != current) AttributeDiff.Add(item, TargetAttribute.UserType, current, kind, false);

            var newEmail = item.Desired.Email;
            if (newEmail != null)
            {
                var holders = _index.Find(TargetAttribute.Email, newEmail).Where(h => !string.Equals(h.Id, target.Id, StringComparison.OrdinalIgnoreCase)).ToList();
                if (holders.Count > 0)
                {
                    PlanMarks.Conflict(item, SkipReason.EmailInUse,
                        $"The new email {newEmail} already belongs to ShareFile user {holders[0].Id}; ShareFile allows one user per address.",
                        holders.Select(h => h.Id));
                    return;
                }
            }

            var count = item.Changes.Count;
            if (adopted)
            {
                item.Action = PlanAction.Adopt;
                item.Link.Kind = PlanLinkChangeKind.Add;
                item.Link.MatchedBy = matchedBy;
                item.Reason = count == 0
                    ? $"Adopt ShareFile user {target.Email}: link it; it already has every mapped value."
                    : $"Adopt ShareFile user {target.Email}: link it and update {count} attribute(s).";
                return;
            }
            if (s.Link.OutOfScopeSince != null)
            {
                item.Link.Kind = PlanLinkChangeKind.Update;
                item.Link.OutOfScopeSince = null;
            }
            if (kind != current)
            {
                item.Action = kind == UserKind.Employee ? PlanAction.PromoteToEmployee : PlanAction.DowngradeToClient;
                item.Reason = kind == UserKind.Employee
                    ? $"The user type rule makes {target.Email} an employee (takes a licence)."
                    : $"The user type rule makes {target.Email} a client (frees a licence).";
            }
            else if (item.Desired.Enabled.HasValue)
            {
                item.Action = item.Desired.Enabled.Value ? PlanAction.Enable : PlanAction.Disable;
                item.Reason = item.Desired.Enabled.Value
                    ? $"{s.DisplayName} is active again in {_sourceName}: enable {target.Email}."
                    : $"{s.DisplayName} is disabled or deleted in {_sourceName}: disable {target.Email}.";
            }
            else if (count > 0)
            {
                item.Action = PlanAction.Update;
                item.Reason = $"Update {count} attribute(s) of {target.Email}.";
            }
            else
            {
                PlanMarks.Skip(item, SkipReason.NoChange, held
                    ? $"ShareFile user {target.Email} stays a client: a licence reclaim downgraded it on {s.Link.ReclaimedAt:yyyy-MM-dd} and it has not signed in since."
                    : $"ShareFile user {target.Email} already has every mapped value.", keepLink: true);
            }
        }

        private string DecideOutOfScope(PlanSubject s, PlanItem item)
        {
            if (s.Unknown)
            {
                PlanMarks.Skip(item, SkipReason.SourceUnknown, $"{s.DisplayName} is assigned but {_sourceName} did not return it this cycle: it is unknown, not out of scope, and nothing is changed.", keepLink: true);
                return null;
            }
            if (s.Link == null)
            {
                PlanMarks.Skip(item, SkipReason.OutOfScope, $"{s.DisplayName} is out of scope and was never provisioned: nothing to do.");
                return null;
            }
            var target = _index.ById(s.Link.TargetId);
            if (target == null)
            {
                PlanMarks.Skip(item, SkipReason.OutOfScope, $"{s.DisplayName} is out of scope and its linked ShareFile user {s.Link.TargetId} no longer exists: the link is dropped.");
                item.TargetId = s.Link.TargetId;
                item.Link.Kind = PlanLinkChangeKind.Remove;
                return null;
            }
            item.TargetId = target.Id;
            item.TargetEmail = target.Email;
            item.UserType = target.IsEmployee ? UserKind.Employee : UserKind.Client;
            var matching = $"Linked to ShareFile user {target.Email} ({target.Id}).";
            var settings = Mappings.Configuration.Deprovisioning;
            if (IsProtected(target) && settings.Action != DeprovisioningAction.None)
            {
                PlanMarks.Skip(item, SkipReason.AdminProtected,
                    $"{s.DisplayName} left scope, but {target.Email} is an administrator of the ShareFile account: a sync never disables, downgrades or deletes it.", keepLink: true);
                return matching;
            }
            if (settings.Action == DeprovisioningAction.None)
            {
                PlanMarks.Skip(item, SkipReason.OutOfScope, $"{s.DisplayName} left scope; the deprovisioning action is None (skip out-of-scope deletions): {target.Email} is left as it is.", keepLink: true);
                return matching;
            }

            var since = s.Link.OutOfScopeSince ?? _input.Now;
            if (s.Link.OutOfScopeSince == null)
            {
                item.Link.Kind = PlanLinkChangeKind.Update;
                item.Link.OutOfScopeSince = since;
            }
            else
            {
                item.Link.OutOfScopeSince = since;
            }
            var due = since.AddDays(Math.Max(0, settings.GracePeriodDays));
            var graceOver = settings.GracePeriodDays <= 0 || _input.Now >= due;
            var action = settings.Action;
            if (action == DeprovisioningAction.Delete && string.IsNullOrWhiteSpace(settings.ReassignToUser))
                action = DeprovisioningAction.Disable;   // never delete without somewhere to put the files

            if (action == DeprovisioningAction.Disable)
            {
                DisableOrSkip(s, item, target, "left scope");
                return matching;
            }
            if (!graceOver)
            {
                var what = action == DeprovisioningAction.Delete ? "deleted" : "downgraded to a client";
                if (!target.IsDisabled) DisableOrSkip(s, item, target, $"left scope; it is {what} after the grace period, on {due:yyyy-MM-dd}");
                else PlanMarks.Skip(item, SkipReason.WithinGracePeriod, $"{target.Email} is disabled and will be {what} after the grace period, on {due:yyyy-MM-dd}.", keepLink: true);
                return matching;
            }
            if (action == DeprovisioningAction.DowngradeToClient)
            {
                if (!target.IsEmployee)
                {
                    DisableOrSkip(s, item, target, "left scope (already a client)");
                    return matching;
                }
                item.Action = PlanAction.DowngradeToClient;
                item.UserType = UserKind.Client;
                AttributeDiff.Add(item, TargetAttribute.UserType, UserKind.Employee, UserKind.Client, false);
                if (!target.IsDisabled) AttributeDiff.Add(item, TargetAttribute.Enabled, true, false, false);
                item.Reason = $"{s.DisplayName} left scope: downgrade {target.Email} to a disabled client (frees a licence).";
                return matching;
            }

            item.Action = PlanAction.Delete;
            item.ReassignTo = settings.ReassignToUser;
            item.Link.Kind = PlanLinkChangeKind.Remove;
            item.Reason = $"{s.DisplayName} left scope: delete {target.Email}; files and groups go to {settings.ReassignToUser}.";
            return matching;
        }

        private static void DisableOrSkip(PlanSubject s, PlanItem item, TargetUser target, string why)
        {
            if (target.IsDisabled)
            {
                PlanMarks.Skip(item, SkipReason.NoChange, $"{s.DisplayName} {why}; {target.Email} is already disabled.", keepLink: true);
                return;
            }
            item.Action = PlanAction.Disable;
            AttributeDiff.Add(item, TargetAttribute.Enabled, true, false, false);
            item.Reason = $"{s.DisplayName} {why}: disable {target.Email}.";
        }

        /// <summary>A licence reclaim's downgrade holds until the user signs in again (docs/licence-reclaim.md).</summary>
        private static bool HeldAsClient(ObjectLink link, TargetUser target) =>
            link?.ReclaimedAt != null && !(target.LastAnyLogin > link.ReclaimedAt);

        private bool IsProtected(TargetUser target) => _input.ProtectedTargetIds != null && _input.ProtectedTargetIds.Contains(target.Id);

        /// <summary>An administrator keeps its enabled state and type; adopted, it takes only its names from the source.</summary>
        private static bool AllowedForAdministrator(MappedValue v, bool adopted)
        {
            if (adopted) return v.Target == TargetAttribute.FirstName || v.Target == TargetAttribute.LastName;
            return !(v.Target == TargetAttribute.Enabled && Equals(v.Value, false));
        }

        private IEnumerable<string> MemberOf(string sourceId) =>
            _memberOf != null && _memberOf.TryGetValue(sourceId, out var groups) ? groups : null;

        private static bool IsEmployeeOnly(TargetAttribute t) =>
            t == TargetAttribute.CanCreateFolders || t == TargetAttribute.CanUseFileBox || t == TargetAttribute.CanManageUsers || t == TargetAttribute.StorageQuotaLimitGB;

        private static string Domain(string email)
        {
            var at = email.LastIndexOf('@');
            return at < 0 ? "" : email.Substring(at + 1).Trim().ToLowerInvariant();
        }
    }
}
