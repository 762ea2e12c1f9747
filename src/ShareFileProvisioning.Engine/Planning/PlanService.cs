using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Diagnostics;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>
    /// Reads the source, ShareFile and the profile's state concurrently, then computes the plan
    /// (<see cref="ProvisioningPlanner"/>). Writes nothing anywhere: not ShareFile, not the state.
    /// </summary>
    public static class PlanService
    {
        public static async Task<PlanResult> ComputeAsync(PlanRequest request, CancellationToken cancellationToken)
        {
            Check(request);
            if (request.AccountReads != null) return await ComputeAsync(request, request.AccountReads, cancellationToken).ConfigureAwait(false);
            using (var reads = new AccountDetailsReads(request.ShareFile, request.MaxConcurrency))
                return await ComputeAsync(request, reads, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<PlanResult> ComputeAsync(PlanRequest request, AccountDetailsReads reads, CancellationToken cancellationToken)
        {
            var trace = request.Trace ?? NullEngineTrace.Instance;
            var total = Stopwatch.StartNew();
            var result = new PlanResult();
            var mappings = MappingSet.Compile(request.Configuration);
            var now = request.Now ?? DateTimeOffset.UtcNow;
            var options = new SourceReadOptions { Attributes = mappings.ReferencedAttributes, MaxConcurrency = Math.Max(1, request.MaxConcurrency), Trace = trace, Scoping = mappings.Scoping, RevisitUserIds = request.RevisitUserIds, TenantListing = request.TenantListing };
            var onDemand = OnDemandKeys(request.SingleUser);
            var single = onDemand == null ? null : string.Join(",", onDemand);

            // A full read lists ShareFile at once, alongside the state and the source; a targeted read waits for the source.
            var stateTask = Timed(() => ReadStateAsync(request, cancellationToken));
            var storedWatermark = request.Watermarks == null || request.Full || single != null ? null : await request.Watermarks.LoadAsync(cancellationToken).ConfigureAwait(false);
            var configurationChange = ConfigurationChange(storedWatermark, mappings);
            if (configurationChange != null) storedWatermark = null;
            var incremental = storedWatermark != null;
            var reclaims = request.Reclaim != null && !request.Reclaim.IsEmpty;   // a reclaim looks at every employee
            var targetAll = (incremental && !reclaims) || single != null ? null : Timed(() => ShareFileTargetReader.ReadAllAsync(request.ShareFile, request.PageSize, cancellationToken));
            var entra = request.Source as EntraSource;
            if (request.ReadOneAtATime && targetAll != null) await targetAll.ConfigureAwait(false);
            var sourceTask = Timed(() => incremental
                ? request.Source.ReadChangesAsync(storedWatermark, options, cancellationToken)
                : single != null && entra != null
                    ? entra.ReadScopeAsync(options, cancellationToken)   // one user: no delta links to open
                    : request.Source.ReadFullAsync(options, cancellationToken));

            var sourceRead = await sourceTask.ConfigureAwait(false);
            var state = await stateTask.ConfigureAwait(false);
            var links = state.Value;
            result.Timings.ReadingSource = sourceRead.Elapsed;
            result.Timings.ReadingState = state.Elapsed;
            var source = sourceRead.Value;
            Mapping.Scoping.ScopingFilterApplication.Apply(source, mappings.Scoping);
            if (source.Watermark != null) source.Watermark.EvaluatedWith = mappings.EvaluationParts;
            if (configurationChange != null)
            {
                source.FellBackToFullRead = true;
                source.FallbackReason = configurationChange;
                trace.Verbose($"Evaluating everyone: {configurationChange}.");
            }
            result.Timings.SourceRequests = source.RequestCount;
            trace.Verbose($"Read {source.Users.Count} user(s) and {source.UserChanges.Count} change(s) from {request.Source.Name} in {sourceRead.Elapsed.TotalSeconds:0.0} s; {links.Count} link(s) stored.");

            ISet<string> only = null;
            if (request.Source is Source.Pipeline.PipelineSource)
            {
                // Piped users are a list to provision, not the whole scope: users missing from it are not deprovisioned.
                only = new HashSet<string>(source.Users.Select(u => u.Id), StringComparer.OrdinalIgnoreCase);
            }
            ISet<string> onDemandGroups = null;
            if (onDemand != null)
            {
                var missing = new List<string>();
                only = SelectOnDemand(source, links, onDemand, missing, out onDemandGroups);
                foreach (var key in missing)
                {
                    result.Notes.Add($"'{key}' is not in scope of the source and not linked to ShareFile: there is nothing to plan for it.");
                    if (entra != null) result.Notes.AddRange((await entra.ExplainAsync(key, options, cancellationToken).ConfigureAwait(false)).Notes);
                }
            }

            var input = new PlanningInput
            {
                Source = source, Links = links, Mappings = mappings, Now = now, IncludeUnmanaged = request.IncludeUnmanaged, OnlySourceIds = only,
                Reclaim = request.Reclaim == null || request.Reclaim.IsEmpty ? null : request.Reclaim,
                CycleType = CycleType(request, storedWatermark, source),
                Basis = new PlanBasis
                {
                    ProfileName = request.ProfileName, SourceName = request.Source.Name, Subdomain = request.Subdomain, SingleObject = single,
                    UsersDeltaLinkUsed = storedWatermark?.UsersDeltaLink, GroupsDeltaLinkUsed = storedWatermark?.GroupsDeltaLink,
                    NextWatermark = single != null ? null : source.Watermark,
                },
            };

            if (targetAll == null && (source.IsFullRead || source.FellBackToFullRead) && single == null)
                targetAll = Timed(() => ShareFileTargetReader.ReadAllAsync(request.ShareFile, request.PageSize, cancellationToken));
            TimedValue<TargetSnapshot> target;
            if (targetAll != null)
            {
                target = await targetAll.ConfigureAwait(false);
                request.TargetRead?.Invoke(target.Value);
                var lookups = Stopwatch.StartNew();
                result.Timings.UserStateLookups = await LookUpUnknownStatesAsync(request, reads, input, target.Value, mappings, now, cancellationToken).ConfigureAwait(false);
                target.Elapsed += lookups.Elapsed;
                if (result.Timings.UserStateLookups > 0)
                    trace.Verbose($"ShareFile's user listing did not say whether users are disabled: asked for {result.Timings.UserStateLookups} user(s) whose plan depends on it.");
            }
            else
            {
                var subjects = ProvisioningPlanner.Subjects(input);
                var ids = subjects.Where(s => s.Link != null).Select(s => s.Link.TargetId).ToList();
                var emails = MatchingEmails(subjects, mappings, now);
                target = await Timed(() => ShareFileTargetReader.ReadSomeAsync(request.ShareFile, ids, emails, request.MaxConcurrency, cancellationToken)).ConfigureAwait(false);
            }
            input.Target = target.Value;
            result.Target = target.Value;
            result.Source = source;
            result.Timings.ReadingTarget = target.Elapsed;
            result.Timings.TargetRequests = target.Value.RequestCount;
            trace.Verbose($"Read {target.Value.Users.Count} ShareFile user(s) in {target.Elapsed.TotalSeconds:0.0} s ({target.Value.RequestCount} request(s)).");

            input.Groups = onDemand != null && onDemandGroups.Count == 0 ? null : await ReadGroupsAsync(request, source, links, entra, now, cancellationToken).ConfigureAwait(false);
            input.OnlyGroupIds = onDemand != null ? onDemandGroups : null;
            if (input.Groups != null)
            {
                result.Timings.TargetRequests += input.Groups.Target.RequestCount;
                trace.Verbose($"Read {input.Groups.Target.Groups.Count} ShareFile group(s) ({input.Groups.Target.RequestCount} request(s)).");
            }

            PlanProgressCounter.Computing(trace);
            var computing = Stopwatch.StartNew();
            result.Plan = ProvisioningPlanner.Compute(input);
            if (request.ProtectAdministrators) await ProtectAdministratorsAsync(request, reads, input, result, cancellationToken).ConfigureAwait(false);
            result.Timings.Computing = computing.Elapsed;
            result.Timings.Total = total.Elapsed;
            trace.Verbose($"Computed {result.Plan.Items.Count} plan item(s) in {computing.Elapsed.TotalMilliseconds:0} ms.");
            return result;
        }

        /// <summary>
        /// Groups are planned only from an Entra read (pipeline input has no groups) and only when group provisioning is
        /// on or groups are still linked (turning it off drops those links). Provision on demand plans users only.
        /// </summary>
        private static async Task<GroupPlanningInput> ReadGroupsAsync(PlanRequest request, SourceReadResult source, LinkSet links, EntraSource entra, DateTimeOffset now, CancellationToken ct)
        {
            var settings = request.Configuration.GroupProvisioning ?? new GroupProvisioningSettings();
            if (entra == null) return null;
            if (!settings.Enabled && !links.Any(l => l.ObjectType == LinkedObjectType.Group)) return null;
            var concurrency = Math.Max(1, request.MaxConcurrency);
            var targetTask = GroupTargetReader.ReadAsync(request.ShareFile, source, links, settings, now, request.PageSize, concurrency, ct);
            var transitive = settings.Enabled && settings.NestedGroups == NestedGroupHandling.Flatten
                ? await entra.ReadTransitiveUserMembersAsync(source.Groups.Where(g => g?.Id != null).Select(g => g.Id), concurrency, ct).ConfigureAwait(false)
                : new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            return new GroupPlanningInput { Target = await targetTask.ConfigureAwait(false), TransitiveMembers = transitive };
        }

        /// <summary>A plan that would harm an administrator is decided again with the administrators protected (AdminProtected skips).</summary>
        private static async Task ProtectAdministratorsAsync(PlanRequest request, AccountDetailsReads reads, PlanningInput input, PlanResult result, CancellationToken ct)
        {
            var harmed = new HashSet<string>(result.Plan.Items.Where(AdminProtection.Harms).Select(i => i.TargetId), StringComparer.OrdinalIgnoreCase);
            if (harmed.Count == 0) return;
            var me = await request.ShareFile.GetCurrentUserAsync(ct).ConfigureAwait(false);
            var admins = await AdminProtection.FindAsync(result.Plan, reads, me?.Id, ct).ConfigureAwait(false);
            if (!admins.Overlaps(harmed)) return;
            (request.Trace ?? NullEngineTrace.Instance).Verbose($"{admins.Count(harmed.Contains)} administrator account(s) would be disabled, downgraded or deleted: they are protected.");
            input.ProtectedTargetIds = admins;
            result.Plan = ProvisioningPlanner.Compute(input);
        }

        /// <summary>Why the stored watermark cannot be used for an incremental cycle because the evaluation rules changed; null when they did not.</summary>
        private static string ConfigurationChange(SourceWatermark stored, MappingSet mappings)
        {
            if (stored == null) return null;
            var changed = ConfigurationFingerprint.ChangedParts(stored.EvaluatedWith, mappings.EvaluationParts);
            return changed.Count == 0 ? null : $"{string.Join(", ", changed)} changed since the last cycle: every user and group is evaluated again (links kept)";
        }

        private static Task<int> LookUpUnknownStatesAsync(PlanRequest request, AccountDetailsReads reads, PlanningInput input, TargetSnapshot target, MappingSet mappings, DateTimeOffset now, CancellationToken ct)
        {
            if (target.Users.All(u => u.IsDisabledKnown)) return Task.FromResult(0);
            var subjects = ProvisioningPlanner.Subjects(input);
            var ids = UserStateLookup.DependentIds(subjects, target, MatchingEmails(subjects, mappings, now), mappings, request.Configuration, input);
            return UserStateLookup.ResolveAsync(request.ShareFile, reads, target, ids, ct);
        }

        private static void Check(PlanRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.Source == null) throw new ArgumentException("A plan needs a source (Entra ID or pipeline input).", nameof(request));
            if (request.ShareFile == null) throw new ArgumentException("A plan needs a ShareFile connection.", nameof(request));
            if (request.Configuration == null) throw new ArgumentException("A plan needs a provisioning configuration.", nameof(request));
            if (request.Reclaim != null && request.Reclaim.InactiveDays < 1) throw new ArgumentException("A licence reclaim's InactiveDays must be 1 or more.", nameof(request));
            if (request.Reclaim != null && !request.Reclaim.IsEmpty && request.SingleUser != null)
                throw new ArgumentException("A licence reclaim looks at every employee: it cannot be planned for single users.", nameof(request));
        }

        private static async Task<LinkSet> ReadStateAsync(PlanRequest request, CancellationToken cancellationToken) =>
            request.State == null ? new LinkSet() : await request.State.LoadLinksAsync(cancellationToken).ConfigureAwait(false);

        private static PlanCycleType CycleType(PlanRequest request, SourceWatermark stored, SourceReadResult read)
        {
            if (stored != null && !read.FellBackToFullRead) return PlanCycleType.Incremental;
            if (request.Full) return PlanCycleType.Full;
            return PlanCycleType.Initial;
        }

        /// <summary>Provision on demand: the user principal names or object ids asked for (a comma-separated list); null for the whole scope.</summary>
        internal static List<string> OnDemandKeys(string keys)
        {
            if (string.IsNullOrWhiteSpace(keys)) return null;
            var list = keys.Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return list.Count == 0 ? null : list;
        }

        /// <summary>
        /// The users asked for (by id or UPN; a linked user out of scope by its id) and the groups asked for with their
        /// direct members; keys that name nothing are returned in <paramref name="missing"/>.
        /// </summary>
        private static ISet<string> SelectOnDemand(SourceReadResult source, LinkSet links, List<string> keys, List<string> missing, out ISet<string> groups)
        {
            var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in keys)
            {
                var user = source.Users.FirstOrDefault(u => string.Equals(u.Id, key, StringComparison.OrdinalIgnoreCase))
                    ?? source.Users.FirstOrDefault(u => string.Equals(u.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase));
                var group = source.Groups.FirstOrDefault(g => string.Equals(g.Id, key, StringComparison.OrdinalIgnoreCase));
                if (user != null) users.Add(user.Id);
                else if (group != null)
                {
                    groups.Add(group.Id);
                    users.UnionWith(group.MemberUserIds);
                }
                else if (links.TryGetBySource(key, out var link))
                {
                    if (link.ObjectType == LinkedObjectType.Group) groups.Add(link.SourceId);
                    else users.Add(link.SourceId);
                }
                else
                {
                    users.Add(key);
                    missing.Add(key);
                }
            }
            return users;
        }

        private static List<string> MatchingEmails(List<PlanSubject> subjects, MappingSet mappings, DateTimeOffset now)
        {
            var context = new Mapping.Expressions.EvaluationContext(() => now);
            var emails = new List<string>();
            foreach (var s in subjects.Where(s => s.InScope && s.User?.Attributes != null))
                foreach (var m in mappings.Matching.Where(m => m.Target == TargetAttribute.Email))
                {
                    try
                    {
                        var v = GuestUsers.Email(m.EvaluateForMatching(s.User.Attributes, context), s.User.Attributes);
                        if (v != null) emails.Add(v);
                    }
                    catch (MappingEvaluationException)
                    {
                        // The planner reports it on the item.
                    }
                }
            return emails;
        }

        private sealed class TimedValue<T>
        {
            public T Value;
            public TimeSpan Elapsed;
        }

        private static async Task<TimedValue<T>> Timed<T>(Func<Task<T>> work)
        {
            var watch = Stopwatch.StartNew();
            var value = await work().ConfigureAwait(false);
            return new TimedValue<T> { Value = value, Elapsed = watch.Elapsed };
        }
    }
}
