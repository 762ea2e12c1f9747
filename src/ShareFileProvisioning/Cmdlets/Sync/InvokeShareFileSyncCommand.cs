using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Cmdlets.Configuration;
using ShareFileProvisioning.Cmdlets.Source;
using ShareFileProvisioning.Cmdlets.State;
using ShareFileProvisioning.Connection;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.Notifications;
using ShareFileProvisioning.Engine.Planning;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.Sync;

namespace ShareFileProvisioning.Cmdlets.Sync
{
    /// <summary>
    /// Runs one provisioning cycle: computes the plan (or takes a saved one and refuses it when stale), confirms each
    /// action (ShouldProcess on this thread, before anything is sent), then applies the confirmed actions and streams
    /// one result per action and a final summary.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ShareFileSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ShareFileSyncResult), typeof(ShareFileSyncSummary))]
    public sealed class InvokeShareFileSyncCommand : ShareFileConnectedCmdlet
    {
        private const int ProgressId = 51;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private string _pipedPlan;
        private int _total;
        private int _done;
        private int _failed;
        private readonly Stopwatch _progressClock = new Stopwatch();
        private TimeSpan _lastProgress = TimeSpan.FromSeconds(-1);

        /// <summary>A plan saved by Get-ProvisioningPlan -OutFile, applied exactly (refused when stale).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Plan { get; set; }

        /// <summary>Get-ProvisioningPlan's output: its summary's OutFile (a saved plan) is applied; plan items are ignored.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Re-evaluate everything instead of the changes since the last cycle (Entra's restart: links kept).</summary>
        [Parameter]
        public SwitchParameter Full { get; set; }

        /// <summary>Provision on demand: exactly these users now, with the same plan, confirmation, logs and safety rails; the watermark stays.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] UserPrincipalName { get; set; }

        /// <summary>Provision on demand: these users or groups (a group with its direct members) by Entra object id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ObjectId { get; set; }

        /// <summary>The SMTP sign-in for notification email, when the configured SMTP server needs one (used only to send; never stored).</summary>
        [Parameter]
        [Credential]
        public PSCredential SmtpCredential { get; set; }

        /// <summary>Apply disables, downgrades and deletes even above the deletion threshold (releases staged deletes).</summary>
        [Parameter]
        public SwitchParameter AllowDeletes { get; set; }

        /// <summary>Also reclaim licences: downgrade disabled or inactive employees to clients (docs/licence-reclaim.md).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ReclaimKind[] Reclaim { get; set; }

        /// <summary>With -Reclaim InactiveEmployees: days without a sign-in (default 90).</summary>
        [Parameter]
        [ValidateRange(1, 36500)]
        public int InactiveDays { get; set; }

        /// <summary>With -Reclaim: also downgrade employees this module does not manage.</summary>
        [Parameter]
        public SwitchParameter IncludeUnmanaged { get; set; }

        /// <summary>Bind the profile's state to the connected source although it was built from another (links kept). Without it such a sync is refused.</summary>
        [Parameter]
        public SwitchParameter RebindSource { get; set; }

        /// <summary>Most ShareFile writes in flight at once (1–64, default 8).</summary>
        [Parameter]
        [ValidateRange(1, SyncDefaults.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 8;

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
        [Parameter]
        [ValidateNotNull]
        public ProvisioningSourceConnection SourceConnection { get; set; }

        /// <summary>Keep the profile's state and logs in Azure Blob Storage (New-ShareFileStateStoreConnection) instead of the profile's folder.</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private protected override object CurrentTarget => Profile;

        private protected override void ProcessRecordCore()
        {
            var input = InputObject?.BaseObject;
            if (input == null || input is ProvisioningPlanItem) return;
            if (input is ProvisioningPlanSummary summary)
            {
                if (summary.OutFile == null)
                    WriteError(new ErrorRecord(new ArgumentException($"Plan {summary.PlanId} was not saved: run Get-ProvisioningPlan -OutFile plan.json and pipe that, or pass -Plan."), "PlanNotSaved", ErrorCategory.InvalidArgument, summary));
                else _pipedPlan = summary.OutFile;
                return;
            }
            if (input is string || input is FileInfo)
            {
                _pipedPlan = input is FileInfo file ? file.FullName : GetUnresolvedProviderPathFromPSPath((string)input);
                return;
            }
            WriteError(new ErrorRecord(new ArgumentException($"Invoke-ShareFileSync takes a saved plan (Get-ProvisioningPlan -OutFile) from the pipeline, not a {input.GetType().Name}."), "UnsupportedPipelineInput", ErrorCategory.InvalidArgument, input));
        }

        protected override void EndProcessing()
        {
            try
            {
                Sync();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
            catch (StateLockedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningProfileLocked", ErrorCategory.ResourceBusy, Profile));
            }
            catch (SyncRefusedException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.Code, ErrorCategory.SecurityError, Profile));
            }
            catch (PlanStaleException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningPlanStale", ErrorCategory.InvalidData, e.PlanId));
            }
            catch (SyncQuarantinedException e)
            {
                if (e.Summary != null) WriteObject(SyncOutputMapper.ToSummary(e.Summary));
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningQuarantined", ErrorCategory.LimitsExceeded, e.Summary?.ProfileName));
            }
            catch (ConfigurationValidationException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidProvisioningConfiguration", ErrorCategory.InvalidData, ConfigurationPath ?? Profile));
            }
            catch (FileNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ProvisioningPlanNotFound", ErrorCategory.ObjectNotFound, e.FileName));
            }
            catch (InvalidDataException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "UnreadableProvisioningPlanOrState", ErrorCategory.ReadError, Plan ?? Profile));
            }
            catch (SourceNotConnected e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "SourceNotConnected", ErrorCategory.AuthenticationError, null));
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && !(e is PipelineClosedException))
            {
                ThrowEngineError(e);
            }
        }

        private void Sync()
        {
            var connection = ActiveConnection;
            var profile = ResolveProfile(connection);
            WriteVerbose($"Profile '{profile.Name}', configuration '{profile.ConfigurationPath}'.");
            var configuration = RunEngine((trace, ct) => ConfigurationFile.LoadOrDefaultAsync(profile.ConfigurationPath, ct));
            var sourceConnection = SourceConnection ?? SourceConnectionRegistry.Get() ?? throw new SourceNotConnected();
            var planPath = Plan != null ? GetUnresolvedProviderPathFromPSPath(Plan) : _pipedPlan;
            var saved = planPath == null ? null : ProvisioningPlan.Load(planPath);
            if (saved != null) WriteVerbose($"Applying saved plan {saved.PlanId} from '{planPath}'.");

            var state = StateStoreSelection.State(profile, StateStore);
            if (StateStore != null) WriteVerbose($"State and logs in '{state.Location}'.");
            var onDemand = OnDemandKeys();
            var request = new SyncRequest
            {
                State = state, Logs = StateStoreSelection.Logs(profile, StateStore),
                Source = sourceConnection.Source, ShareFile = connection.Client, Profile = profile, Configuration = configuration,
                SavedPlan = saved, Full = Full.IsPresent, OnDemand = onDemand, Reclaim = ReclaimOptions(saved, onDemand), AllowDeletes = AllowDeletes.IsPresent, RebindSource = RebindSource.IsPresent, ThrottleLimit = ThrottleLimit,
                Subdomain = connection.Subdomain, TenantId = sourceConnection.TenantId, Notifications = Notifier(state, configuration, sourceConnection),
            };

            try
            {
                var session = RunEngine((trace, ct) =>
                {
                    request.Trace = trace;
                    return SyncService.PrepareAsync(request, ct);
                });
                try
                {
                    var confirmed = Confirm(session);
                    if (confirmed == null) return;   // -WhatIf: the plan was printed, nothing runs
                    _total = session.Actions.Count;
                    _progressClock.Start();
                    var summary = RunEngine((trace, queue, ct) => session.ExecuteAsync(
                        item => confirmed.Contains(item.ChangeId), result => queue.Post(() => Emit(result)), ct));
                    if (summary.ThresholdExceeded)
                        WriteWarning($"{summary.Staged} deprovisioning action(s) were staged: the deletion threshold was exceeded. Review them (Get-ShareFileProvisioningStatus) and run Invoke-ShareFileSync -AllowDeletes to apply them.");
                    WriteObject(SyncOutputMapper.ToSummary(summary));
                }
                finally
                {
                    session.Dispose();
                    if (_progressClock.IsRunning)
                        WriteProgress(new ProgressRecord(ProgressId, Activity(profile.Name), "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
            finally
            {
                // The Graph mail channel holds an HttpClient of its own: one per cycle, released with the cycle.
                (_notificationChannel as IDisposable)?.Dispose();
                _notificationChannel = null;
            }
        }

        /// <summary>One ShouldProcess per action on this thread, before anything is sent; null under -WhatIf.</summary>
        private HashSet<string> Confirm(SyncSession session)
        {
            var confirmed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in session.Actions)
            {
                var target = item.DisplayName == null ? item.TargetEmail ?? item.SourceAnchor : $"{item.DisplayName} ({item.Desired?.Email ?? item.TargetEmail ?? item.SourceAnchor})";
                var action = item.Action.ToString() + (item.ChangeSummary != null ? ": " + item.ChangeSummary : "");
                if (session.WillStage(item)) action += " [staged: deletion threshold exceeded]";
                if (ShouldProcess(target, action)) confirmed.Add(item.ChangeId);
            }
            return IsWhatIf() ? null : confirmed;
        }

        private LicenceReclaimOptions ReclaimOptions(ProvisioningPlan saved, string onDemand)
        {
            var inactive = MyInvocation.BoundParameters.ContainsKey(nameof(InactiveDays)) ? InactiveDays : (int?)null;
            var options = LicenceReclaimOptions.From(Reclaim, inactive, IncludeUnmanaged.IsPresent);
            if (IncludeUnmanaged.IsPresent && options == null) throw new ArgumentException("-IncludeUnmanaged applies with -Reclaim only.");
            if (options != null && saved != null)
                throw new ArgumentException("A saved plan brings its own licence reclaim: pass -Reclaim to Get-ProvisioningPlan, not with -Plan.");
            if (options != null && onDemand != null) throw new ArgumentException("A licence reclaim looks at every employee: it cannot run with -UserPrincipalName or -ObjectId.");
            return options;
        }

        private string OnDemandKeys()
        {
            var keys = (UserPrincipalName ?? new string[0]).Concat(ObjectId ?? new string[0]).Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
            if (keys.Any(k => k.Contains(",")))
                throw new ArgumentException("A user principal name or object id cannot contain a comma; pass several as an array (-UserPrincipalName a@x.com, b@x.com).");
            return keys.Count == 0 ? null : string.Join(",", keys);
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return LanguagePrimitives.IsTrue(bound);
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private void Emit(SyncActionResult result)
        {
            var output = SyncOutputMapper.ToResult(result);
            WriteObject(output);
            _done++;
            if (result.Status == SyncActionStatus.Failure)
            {
                _failed++;
                var error = result.Exception != null ? ErrorRecords.From(result.Exception, output) : null;
                var record = new ErrorRecord(new InvalidOperationException($"{result.Action} of '{result.DisplayName ?? result.Email}' failed: {result.ErrorMessage}", result.Exception),
                    "ShareFileSyncActionFailed," + (result.ErrorCode ?? "Unknown"), error?.CategoryInfo.Category ?? ErrorCategory.WriteError, output);
                WriteError(record);
            }
            Progress();
        }

        private void Progress()
        {
            var elapsed = _progressClock.Elapsed;
            if (_done < _total && elapsed - _lastProgress < ProgressInterval) return;
            _lastProgress = elapsed;
            var record = new ProgressRecord(ProgressId, Activity(Profile ?? ""), $"{_done} of {_total} action(s), {_failed} failed")
            {
                PercentComplete = _total == 0 ? 100 : Math.Min(100, 100 * _done / _total),
            };
            if (_done > 0 && _done < _total)
                record.SecondsRemaining = (int)Math.Ceiling(elapsed.TotalSeconds / _done * (_total - _done));
            WriteProgress(record);
        }

        private static string Activity(string profile) => $"Synchronizing ShareFile profile {profile}";

        private INotificationChannel _notificationChannel;

        private NotificationService Notifier(IStateStore state, ProvisioningConfiguration configuration, ProvisioningSourceConnection source)
        {
            var settings = configuration.Notifications;
            if (settings?.Recipients == null || settings.Recipients.Count == 0) return null;
            try
            {
                var channel = NotificationChannelFactory.Create(settings, source.Source?.SignIn, SmtpCredential?.UserName, SmtpCredential?.Password);
                _notificationChannel = channel;
                return channel == null ? null : NotificationService.For(state, settings, channel);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                WriteWarning("Notifications are not sent this cycle: " + e.Message);
                return null;
            }
        }

        private ProvisioningProfile ResolveProfile(ShareFileConnection connection)
        {
            var name = Profile ?? ProfileLocator.DefaultName(connection?.Subdomain);
            Profile = name;
            var path = ConfigurationPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigurationPath);
            return ProfileLocator.ForCurrentUser().Get(name, path);
        }

        private sealed class SourceNotConnected : InvalidOperationException
        {
            public SourceNotConnected()
                : base("Not connected to Entra ID. Run Connect-ProvisioningSource first or pass -SourceConnection.")
            {
            }
        }
    }
}
