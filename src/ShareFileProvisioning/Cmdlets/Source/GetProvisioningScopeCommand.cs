using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Pipeline;

namespace ShareFileProvisioning.Cmdlets.Source
{
    /// <summary>
    /// The provisioning scope with the reason for each object: users assigned directly or through a direct membership of
    /// an assigned group (with the app role), and the assigned groups. -UserPrincipalName / -ObjectId explains why one
    /// object is or is not in scope. -InputObject takes users from the pipeline (Import-Csv, Get-ADUser) instead of Entra.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ProvisioningScope", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(ProvisioningScopeEntry))]
    public sealed class GetProvisioningScopeCommand : SourceConnectedCmdlet
    {
        private const string AllSet = "All";
        private const string UpnSet = "UserPrincipalName";
        private const string IdSet = "ObjectId";
        private const string PipelineSet = "Pipeline";

        private readonly List<IDictionary<string, object>> _rows = new List<IDictionary<string, object>>();

        [Parameter(Mandatory = true, ParameterSetName = UpnSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserPrincipalName { get; set; }

        /// <summary>A user's or group's object id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[] ObjectId { get; set; }

        /// <summary>Users only, or groups only (default both).</summary>
        [Parameter(ParameterSetName = AllSet)]
        [ValidateSet("User", "Group")]
        public string ObjectType { get; set; }

        /// <summary>Objects whose properties are source attributes (id/objectId/ObjectGUID/userPrincipalName anchor them).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PipelineSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        private protected override bool RequiresSourceConnection => ParameterSetName != PipelineSet;

        private string _target;

        private protected override object CurrentTarget => _target;

        private protected override void ProcessSourceRecord()
        {
            switch (ParameterSetName)
            {
                case PipelineSet:
                    _rows.Add(ToRow(InputObject));
                    return;
                case UpnSet:
                case IdSet:
                    var source = ActiveSource.Source;
                    foreach (var key in (string[])UserPrincipalName ?? ObjectId)
                    {
                        _target = key;
                        var explanation = RunEngine((trace, ct) => source.ExplainAsync(key, new SourceReadOptions { Trace = trace }, ct));
                        WriteObject(SourceOutputMapper.ToEntry(explanation));
                    }

                    return;
                default:
                    var scope = RunEngine((trace, ct) => ActiveSource.Source.ReadScopeAsync(new SourceReadOptions { Trace = trace }, ct));
                    if (ObjectType != "User")
                        foreach (var g in scope.Groups.OrderBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase)) WriteObject(SourceOutputMapper.ToEntry(g));
                    if (ObjectType != "Group")
                        foreach (var u in scope.Users.OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase)) WriteObject(SourceOutputMapper.ToEntry(u));
                    return;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != PipelineSet) return;
            try
            {
                var result = RunEngine((trace, ct) => new PipelineSource(_rows).ReadFullAsync(new SourceReadOptions { Trace = trace }, ct));
                foreach (var u in result.Users) WriteObject(SourceOutputMapper.ToEntry(u));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(SourceErrorRecords.From(ex, null));
            }
        }

        /// <summary>PSObject → attribute row: hashtable keys, or gettable properties (values unwrapped from PSObject).</summary>
        private static IDictionary<string, object> ToRow(PSObject input)
        {
            var row = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (input.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry e in dictionary) row[Convert.ToString(e.Key)] = Unwrap(e.Value);
                return row;
            }

            foreach (var p in input.Properties)
            {
                if (!p.IsGettable) continue;
                try
                {
                    row[p.Name] = Unwrap(p.Value);
                }
                catch (GetValueException)
                {
                    // A property whose getter throws (some AD adapters) is simply absent.
                }
            }

            return row;
        }

        private static object Unwrap(object value) => value is PSObject pso ? pso.BaseObject : value;
    }
}
