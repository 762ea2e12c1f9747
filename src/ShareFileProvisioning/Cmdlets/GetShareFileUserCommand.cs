using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Cmdlets.Base;
using ShareFileProvisioning.Engine.ShareFile;

namespace ShareFileProvisioning.Cmdlets
{
    /// <summary>Which users Get-ShareFileUser lists.</summary>
    public enum ShareFileUserTypeFilter
    {
        All,
        Employee,
        Client,
    }

    /// <summary>Gets ShareFile users: one by email or id (pipeline by property name), or every employee and/or client.</summary>
    [Cmdlet(VerbsCommon.Get, "ShareFileUser", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ShareFileUser))]
    public sealed class GetShareFileUserCommand : ShareFileConnectedCmdlet
    {
        private const string AllSet = "All";
        private const string EmailSet = "ByEmail";
        private const string IdSet = "ById";

        /// <summary>The user's email (ShareFile login). Binds UserPrincipalName and Mail from piped objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName", "Mail", "EmailAddress")]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "ShareFileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        public ShareFileUserTypeFilter UserType { get; set; } = ShareFileUserTypeFilter.All;

        private protected override object CurrentTarget => (object)Email ?? Id;

        private protected override void ProcessRecordCore()
        {
            var client = ActiveConnection.Client;
            switch (ParameterSetName)
            {
                case EmailSet:
                    var byEmail = TryRun(() => RunEngine((trace, ct) => client.FindUserByEmailAsync(Email, true, ct)));
                    WriteUserOrNotFound(byEmail, $"No ShareFile user has the email '{Email}'.");
                    break;
                case IdSet:
                    var byId = TryRun(() => RunEngine((trace, ct) => client.GetUserAsync(Id, true, ct)), notFoundIsNull: true);
                    WriteUserOrNotFound(byId, $"No ShareFile user has the id '{Id}'.");
                    break;
                default:
                    foreach (var user in ListUsers(client))
                    {
                        WriteObject(user);
                    }

                    break;
            }
        }

        private IEnumerable<ShareFileUser> ListUsers(ShareFileClient client)
        {
            var result = new List<ShareFileUser>();
            if (UserType != ShareFileUserTypeFilter.Client)
            {
                var employees = RunEngine((trace, ct) => client.ListEmployeesAsync(null, ct));
                result.AddRange(employees.Select(c => OutputMapper.ToUser(c, ShareFileUserType.Employee)));
            }

            if (UserType != ShareFileUserTypeFilter.Employee)
            {
                var clients = RunEngine((trace, ct) => client.ListClientsAsync(null, ct));
                result.AddRange(clients.Select(c => OutputMapper.ToUser(c, ShareFileUserType.Client)));
            }

            return result;
        }

        private Engine.ShareFile.Models.SfUser TryRun(System.Func<Engine.ShareFile.Models.SfUser> call, bool notFoundIsNull = false)
        {
            try
            {
                return call();
            }
            catch (ShareFileApiException ex) when (notFoundIsNull && ex.StatusCode == 404)
            {
                return null;
            }
        }

        private void WriteUserOrNotFound(Engine.ShareFile.Models.SfUser user, string notFoundMessage)
        {
            if (user == null)
            {
                WriteError(ErrorRecords.NotFound("ShareFileUserNotFound", notFoundMessage, CurrentTarget));
                return;
            }

            WriteObject(OutputMapper.ToUser(user));
        }
    }
}
