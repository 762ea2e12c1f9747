using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Cmdlets
{
    /// <summary>Gets ShareFile distribution groups: all, by name (wildcards) or by id, optionally with their members.</summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileGroup", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ShareFileGroup))]
    public sealed class GetShareFileGroupCommand : ShareFileConnectedCmdlet
    {
        private const string AllSet = "All";
        private const string IdSet = "ById";

        [Parameter(Position = 0, ParameterSetName = AllSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.GroupNameCompleter))]
        public string Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        /// <summary>Also read each group's members (one request per group).</summary>
        [Parameter]
        public SwitchParameter IncludeMembers { get; set; }

        private protected override object CurrentTarget => (object)Id ?? Name;

        private protected override void ProcessRecordCore()
        {
            var client = ActiveConnection.Client;
            if (ParameterSetName == IdSet)
            {
                SfGroup group;
                try
                {
                    group = RunEngine((trace, ct) => client.GetGroupAsync(Id, false, ct));
                }
                catch (ShareFileApiException ex) when (ex.StatusCode == 404)
                {
                    WriteError(ErrorRecords.NotFound("ShareFileGroupNotFound", $"No ShareFile distribution group has the id '{Id}'.", Id));
                    return;
                }

                WriteGroup(client, group);
                return;
            }

            var pattern = Name == null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var groups = RunEngine((trace, ct) => client.ListGroupsAsync(null, ct));
            foreach (var group in groups.Where(g => pattern == null || pattern.IsMatch(g.Name ?? string.Empty)))
            {
                WriteGroup(client, group);
            }
        }

        private void WriteGroup(ShareFileClient client, SfGroup group)
        {
            ShareFileGroupMember[] members = null;
            if (IncludeMembers)
            {
                var contacts = RunEngine((trace, ct) => client.ListGroupMembersAsync(group.Id, null, ct));
                members = contacts.Select(OutputMapper.ToMember).ToArray();
            }

            WriteObject(OutputMapper.ToGroup(group, members));
        }
    }
}
