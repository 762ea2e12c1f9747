using System;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.State;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Cmdlets.Logging
{
    /// <summary>
    /// Reads a profile's provisioning logs (one record per action, Entra's provisioning-log schema): newest cycle
    /// first, records of a cycle in the order they happened. Streams, so large logs are not loaded whole.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileProvisioningLog", DefaultParameterSetName = "Last")]
    [OutputType(typeof(ShareFileProvisioningLogEntry))]
    public sealed class GetShareFileProvisioningLogCommand : ProfileCmdlet
    {
        /// <summary>Only these cycles (from Get-ShareFileProvisioningStatus or an earlier log entry).</summary>
        [Parameter(ParameterSetName = "Cycle", Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] CycleId { get; set; }

        /// <summary>Only the newest N cycles; all when omitted.</summary>
        [Parameter(ParameterSetName = "Last")]
        [ValidateRange(1, int.MaxValue)]
        public int Last { get; set; }

        [Parameter]
        [ValidateSet("Success", "Warning", "Failure", "Skipped", IgnoreCase = true)]
        public string[] Status { get; set; }

        [Parameter]
        [ValidateSet("Create", "Update", "Delete", "Disable", "StagedDelete", "Other", IgnoreCase = true)]
        public string[] Action { get; set; }

        /// <summary>Only records about this Entra user: UPN, display name or object id; wildcards allowed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string UserPrincipalName { get; set; }

        /// <summary>Keep the profile's state and logs in Azure Blob Storage (New-ShareFileStateStoreConnection) instead of the profile's folder.</summary>
        [Parameter]
        [ValidateNotNull]
        public ShareFileStateStoreConnection StateStore { get; set; }

        private protected override void ProcessRecordCore()
        {
            var query = new ProvisioningLogQuery
            {
                CycleIds = CycleId,
                LastCycles = Last,
                Statuses = Status?.Select(s => (ProvisioningResult)Enum.Parse(typeof(ProvisioningResult), s, true)).ToList(),
                Actions = Action?.Select(a => (ProvisioningAction)Enum.Parse(typeof(ProvisioningAction), a, true)).ToList(),
                Identity = UserPrincipalName,
            };
            var store = StateStoreSelection.Logs(ResolvedProfile, StateStore);
            WriteVerbose($"Reading provisioning logs from '{store.Location}'.");
            // Synchronous streaming on the pipeline thread: reads are quick and Ctrl+C is checked per record.
            foreach (var record in store.ReadRecords(query, CancellationToken))
                WriteObject(LoggingOutputMapper.ToEntry(record));
        }
    }
}
