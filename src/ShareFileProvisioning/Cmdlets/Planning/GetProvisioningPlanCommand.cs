using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Cmdlets.Configuration;
using ShareFileProvisioning.Cmdlets.Source;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Pipeline;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Cmdlets.State;

namespace ShareFileProvisioning.Cmdlets.Planning
{
    /// <summary>
    /// Computes what a sync would do — creates, adoptions, updates, enables/disables, type changes, deletions, skips,
    /// conflicts — without changing ShareFile or the stored state; optionally saves the plan for Invoke-ShareFileSync.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ProvisioningPlan", DefaultParameterSetName = ScopeSet)]
    [OutputType(typeof(ProvisioningPlanItem), typeof(ProvisioningPlanSummary))]
    public sealed class GetProvisioningPlanCommand : ShareFileConnectedCmdlet
    {
        private const string ScopeSet = "Scope";
        private const string PipelineSet = "Pipeline";
        private const string UpnSet = "UserPrincipalName";
        private const string IdSet = "ObjectId";

        private readonly List<IDictionary<string, object>> _rows = new List<IDictionary<string, object>>();

        /// <summary>Source users as objects whose properties are source attribute names (Import-Csv rows, Get-ADUser output).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        public PSObject InputObject { get; set; }

        /// <summary>Plan this one user only (provision on demand's preview).</summary>
        [Parameter(Mandatory = true, ParameterSetName = UpnSet)]
        [ValidateNotNullOrEmpty]
        public string[] UserPrincipalName { get; set; }

        /// <summary>Plan this one user only, by source object id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public string[] ObjectId { get; set; }

        /// <summary>Evaluate the whole scope instead of the changes since the last sync.</summary>
        [Parameter(ParameterSetName = ScopeSet)]
        public SwitchParameter Full { get; set; }

        /// <summary>Emit only the summary.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>Save the plan as JSON for Invoke-ShareFileSync -Plan.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        /// <summary>Also list ShareFile users no link or match explains (they are always counted).</summary>
        [Parameter]
        public SwitchParameter IncludeUnmanaged { get; set; }

        /// <summary>Also plan licence reclaims: downgrade disabled or inactive employees to clients (docs/licence-reclaim.md).</summary>
        [Parameter(ParameterSetName = ScopeSet)]
        [ValidateNotNullOrEmpty]
        public ReclaimKind[] Reclaim { get; set; }

        /// <summary>With -Reclaim InactiveEmployees: days without a sign-in (default 90).</summary>
        [Parameter(ParameterSetName = ScopeSet)]
        [ValidateRange(1, 36500)]
        public int InactiveDays { get; set; }

        /// <summary>The provisioning profile (default: the connected subdomain).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string Profile { get; set; }

        /// <summary>An explicit configuration file instead of the profile's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigurationPath { get; set; }

        /// <summary>The Entra source connection (Connect-ProvisioningSource -PassThru); default: the current one.</summary>
        [Parameter(ParameterSetName = ScopeSet)]
        [Parameter(ParameterSetName = UpnSet)]
        [Parameter(ParameterSetName = IdSet)]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        private protected override object CurrentTarget => (object)UserPrincipalName ?? (object)ObjectId ?? Profile;

        private protected override void ProcessRecordCore()
        {
            if (ParameterSetName != PipelineSet || InputObject == null) return;
            _rows.Add(ToRow(InputObject));
        }

        protected override void EndProcessing()
        {
            try
            {
                Plan();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
            catch (ConfigurationValidationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidProvisioningConfiguration", ErrorCategory.InvalidData, ConfigurationPath ?? Profile));
            }
            catch (SourceNotConnectedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "SourceNotConnected", ErrorCategory.AuthenticationError, null));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidPlanInput", ErrorCategory.InvalidArgument, CurrentTarget));
            }
            catch (InvalidDataException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "UnreadableProvisioningState", ErrorCategory.ReadError, Profile));
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && !(e is PipelineClosedException))
            {
                ThrowEngineError(e);
            }
        }

        /// <summary>Keep the profile's state and logs in Azure Blob Storage (New-ShareFileStateStoreConnection) instead of the profile's folder.</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private void Plan()
        {
            var connection = ActiveConnection;
            var profile = ResolveProfile(connection);
            WriteVerbose($"Profile '{profile.Name}', configuration '{profile.ConfigurationPath}'.");
            var configuration = RunEngine((trace, ct) => ConfigurationFile.LoadOrDefaultAsync(profile.ConfigurationPath, ct));

            IProvisioningSource source;
            if (ParameterSetName == PipelineSet)
            {
                if (_rows.Count == 0) return;   // an empty pipeline plans nothing
                source = new PipelineSource(_rows);
            }
            else
            {
                source = (SourceConnection ?? SourceConnectionRegistry.Get())?.Source ?? throw new SourceNotConnectedException();
            }

            var state = StateStoreSelection.State(profile, StateStore);
            var request = new PlanRequest
            {
                Source = source,
                ShareFile = connection.Client,
                State = state,
                Watermarks = new StateSourceWatermarkStore(state),
                Configuration = configuration,
                Full = Full.IsPresent,
                SingleUser = UserPrincipalName != null ? string.Join(",", UserPrincipalName) : ObjectId != null ? string.Join(",", ObjectId) : null,
                IncludeUnmanaged = IncludeUnmanaged.IsPresent,
                Reclaim = LicenceReclaimOptions.From(Reclaim, MyInvocation.BoundParameters.ContainsKey(nameof(InactiveDays)) ? InactiveDays : (int?)null, IncludeUnmanaged.IsPresent),
                ProfileName = profile.Name,
                Subdomain = connection.Subdomain,
            };
            var result = RunEngine((trace, ct) =>
            {
                request.Trace = trace;
                return PlanService.ComputeAsync(request, ct);
            });
            foreach (var note in result.Notes) WriteWarning(note);

            string saved = null;
            if (OutFile != null)
            {
                saved = GetUnresolvedProviderPathFromPSPath(OutFile);
                var plan = result.Plan;
                RunEngine(async (trace, ct) =>
                {
                    await plan.SaveAsync(saved, ct).ConfigureAwait(false);
                    return true;
                });
                WriteVerbose($"Saved the plan to '{saved}'.");
            }

            if (!Summary.IsPresent)
                foreach (var item in result.Plan.Items) WriteObject(PlanOutputMapper.ToItem(item));
            var summary = PlanOutputMapper.ToSummary(result.Plan, result.Timings, saved);
            if (summary.LicenceExceeded)
                WriteWarning($"The plan needs more employee licences than ShareFile has ({summary.Licence}); {summary.LicenceRefused} employee(s) are skipped (LicenceLimit).");
            if (summary.SuspiciousSource != null)
                WriteWarning($"The source looks broken: {summary.SuspiciousSource}. The sync refuses it unless deletes are allowed.");
            else if (summary.ThresholdExceeded)
                WriteWarning($"The plan deprovisions {summary.Threshold}; {summary.SourceShrink}: the sync will stage these actions unless deletes are allowed.");
            WriteObject(summary);
        }

        private ProvisioningProfile ResolveProfile(ShareFileConnection connection)
        {
            var name = Profile ?? ProfileLocator.DefaultName(connection?.Subdomain);
            var path = ConfigurationPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigurationPath);
            return ProfileLocator.ForCurrentUser().Get(name, path);
        }

        /// <summary>A piped object as source attributes: hashtable keys or object properties, PowerShell wrappers unwrapped.</summary>
        private static IDictionary<string, object> ToRow(PSObject input)
        {
            var row = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (input.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (entry.Key != null) row[entry.Key.ToString()] = Unwrap(entry.Value);
                return row;
            }
            foreach (var property in input.Properties)
            {
                if (!property.IsGettable) continue;
                object value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    continue;
                }
                row[property.Name] = Unwrap(value);
            }
            return row;
        }

        private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;

        private sealed class SourceNotConnectedException : InvalidOperationException
        {
            public SourceNotConnectedException()
                : base("Not connected to Entra ID. Run Connect-ProvisioningSource first, pass -SourceConnection, or pipe users in (Import-Csv users.csv | Get-ProvisioningPlan).")
            {
            }
        }
    }
}
