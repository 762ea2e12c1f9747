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
            var trace = request.Trace ?? NullEngineTrace.Instance;
            var total = Stopwatch.StartNew();
            var result = new PlanResult();
            var mappings = MappingSet.Compile(request.Configuration);
            var now = request.Now ?? DateTimeOffset.UtcNow;
            var options = new SourceReadOptions { Attributes = mappings.ReferencedAttributes, MaxConcurrency = Math.Max(1, request.MaxConcurrency), Trace = trace };
            var single = string.IsNullOrWhiteSpace(request.SingleUser) ? null : request.SingleUser.Trim();

            // A full read lists ShareFile at once, alongside the state and the source; a targeted read waits for the source.
            var stateTask = Timed(() => ReadStateAsync(request, cancellationToken));
            var storedWatermark = request.Watermarks == null || request.Full || single != null ? null : await request.Watermarks.LoadAsync(cancellationToken).ConfigureAwait(false);
            var incremental = storedWatermark != null;
            var targetAll = incremental || single != null ? null : Timed(() => ShareFileTargetReader.ReadAllAsync(request.ShareFile, request.PageSize, cancellationToken));
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
            result.Timings.SourceRequests = source.RequestCount;
            trace.Verbose($"Read {source.Users.Count} user(s) and {source.UserChanges.Count} change(s) from {request.Source.Name} in {sourceRead.Elapsed.TotalSeconds:0.0} s; {links.Count} link(s) stored.");

            ISet<string> only = null;
            if (request.Source is Source.Pipeline.PipelineSource)
            {
                // Piped users are a list to provision, not the whole scope: users missing from it are not deprovisioned.
                only = new HashSet<string>(source.Users.Select(u => u.Id), StringComparer.OrdinalIgnoreCase);
            }
            if (single != null)
            {
                only = SelectSingle(source, links, single, result.Notes);
                if (result.Notes.Count > 0 && entra != null)
                {
                    var why = await entra.ExplainAsync(single, options, cancellationToken).ConfigureAwait(false);
                    result.Notes.AddRange(why.Notes);
                }
            }

            var input = new PlanningInput
            {
                Source = source, Links = links, Mappings = mappings, Now = now, IncludeUnmanaged = request.IncludeUnmanaged, OnlySourceIds = only,
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
            }
            else
            {
                var subjects = ProvisioningPlanner.Subjects(input);
                var ids = subjects.Where(s => s.Link != null).Select(s => s.Link.TargetId).ToList();
                var emails = MatchingEmails(subjects, mappings, now);
                target = await Timed(() => ShareFileTargetReader.ReadSomeAsync(request.ShareFile, ids, emails, request.MaxConcurrency, cancellationToken)).ConfigureAwait(false);
            }
            input.Target = target.Value;
            result.Timings.ReadingTarget = target.Elapsed;
            result.Timings.TargetRequests = target.Value.RequestCount;
            trace.Verbose($"Read {target.Value.Users.Count} ShareFile user(s) in {target.Elapsed.TotalSeconds:0.0} s ({target.Value.RequestCount} request(s)).");

            input.Groups = await ReadGroupsAsync(request, source, links, entra, now, cancellationToken).ConfigureAwait(false);
            if (input.Groups != null)
            {
                result.Timings.TargetRequests += input.Groups.Target.RequestCount;
                trace.Verbose($"Read {input.Groups.Target.Groups.Count} ShareFile group(s) ({input.Groups.Target.RequestCount} request(s)).");
            }

            PlanProgressCounter.Computing(trace);
            var computing = Stopwatch.StartNew();
            result.Plan = ProvisioningPlanner.Compute(input);
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
            if (entra == null || !string.IsNullOrWhiteSpace(request.SingleUser)) return null;
            if (!settings.Enabled && !links.Any(l => l.ObjectType == LinkedObjectType.Group)) return null;
            var concurrency = Math.Max(1, request.MaxConcurrency);
            var targetTask = GroupTargetReader.ReadAsync(request.ShareFile, source, links, settings, now, request.PageSize, concurrency, ct);
            var transitive = settings.Enabled && settings.NestedGroups == NestedGroupHandling.Flatten
                ? await entra.ReadTransitiveUserMembersAsync(source.Groups.Where(g => g?.Id != null).Select(g => g.Id), concurrency, ct).ConfigureAwait(false)
                : new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            return new GroupPlanningInput { Target = await targetTask.ConfigureAwait(false), TransitiveMembers = transitive };
        }

        private static void Check(PlanRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (request.Source == null) throw new ArgumentException("A plan needs a source (Entra ID or pipeline input).", nameof(request));
            if (request.ShareFile == null) throw new ArgumentException("A plan needs a ShareFile connection.", nameof(request));
            if (request.Configuration == null) throw new ArgumentException("A plan needs a provisioning configuration.", nameof(request));
        }

        private static async Task<LinkSet> ReadStateAsync(PlanRequest request, CancellationToken cancellationToken) =>
            request.State == null ? new LinkSet() : await request.State.LoadLinksAsync(cancellationToken).ConfigureAwait(false);

        private static PlanCycleType CycleType(PlanRequest request, SourceWatermark stored, SourceReadResult read)
        {
            if (stored != null && !read.FellBackToFullRead) return PlanCycleType.Incremental;
            if (request.Full) return PlanCycleType.Full;
            return PlanCycleType.Initial;
        }

        /// <summary>Keeps the one user asked for (by id or UPN); a linked user out of scope is planned by its id.</summary>
        private static ISet<string> SelectSingle(SourceReadResult source, LinkSet links, string single, List<string> notes)
        {
            var user = source.Users.FirstOrDefault(u => string.Equals(u.Id, single, StringComparison.OrdinalIgnoreCase))
                ?? source.Users.FirstOrDefault(u => string.Equals(u.UserPrincipalName, single, StringComparison.OrdinalIgnoreCase));
            if (user != null) return new HashSet<string>(StringComparer.OrdinalIgnoreCase) { user.Id };
            if (links.TryGetBySource(single, out var link)) return new HashSet<string>(StringComparer.OrdinalIgnoreCase) { link.SourceId };
            notes.Add($"'{single}' is not in scope of the source and not linked to a ShareFile user: there is nothing to plan for it.");
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase) { single };
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
                        var v = m.EvaluateForMatching(s.User.Attributes, context);
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
