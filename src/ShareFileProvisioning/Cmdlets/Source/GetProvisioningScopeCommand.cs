using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Mapping.Scoping;
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

        /// <summary>The provisioning profile whose scoping filters apply (default: the connected subdomain, else "default").</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Configuration.ProfileNameCompleter))]
        public string Profile { get; set; }

        /// <summary>An explicit configuration file whose scoping filters apply, instead of the profile's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ConfigurationPath { get; set; }

        private protected override bool RequiresSourceConnection => ParameterSetName != PipelineSet;

        private Engine.Configuration.MappingSet _mappings;

        /// <summary>
        /// The configuration's compiled mappings and filters, loaded once per call (the defaults when there is no file).
        /// First read on the pipeline thread: the default profile comes from this runspace's ShareFile connection.
        /// </summary>
        private Engine.Configuration.MappingSet Mappings
        {
            get
            {
                if (_mappings != null) return _mappings;
                var name = Profile ?? Engine.Configuration.ProfileLocator.DefaultName(Connection.ConnectionRegistry.Get()?.Subdomain);
                var path = ConfigurationPath == null ? null : GetUnresolvedProviderPathFromPSPath(ConfigurationPath);
                var profile = Engine.Configuration.ProfileLocator.ForCurrentUser().Get(name, path);
                var configuration = RunEngine((trace, ct) => Engine.Configuration.ConfigurationFile.LoadOrDefaultAsync(profile.ConfigurationPath, ct));
                return _mappings = Engine.Configuration.MappingSet.Compile(configuration);
            }
        }

        private SourceReadOptions Options(Engine.Diagnostics.IEngineTrace trace) =>
            new SourceReadOptions { Trace = trace, Scoping = Mappings.Scoping, Attributes = Mappings.Scoping.ReferencedAttributes };

        private string _target;

        private protected override object CurrentTarget => _target;

        private protected override void ProcessSourceRecord()
        {
            _ = Mappings;   // on the pipeline thread: the profile follows this runspace's connection
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
                        var explanation = RunEngine((trace, ct) => source.ExplainAsync(key, Options(trace), ct));
                        WriteObject(SourceOutputMapper.ToEntry(explanation));
                    }

                    return;
                default:
                    var scope = RunEngine((trace, ct) => ActiveSource.Source.ReadScopeAsync(Options(trace), ct));
                    ScopingFilterApplication.Apply(scope, Mappings.Scoping);
                    if (ObjectType != "User")
                        foreach (var g in scope.Groups.OrderBy(g => g.DisplayName, StringComparer.OrdinalIgnoreCase)) WriteObject(SourceOutputMapper.ToEntry(g));
                    if (ObjectType != "Group")
                        foreach (var u in scope.Users.Where(u => u.InScope).OrderBy(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase)) WriteObject(SourceOutputMapper.ToEntry(u));
                    return;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != PipelineSet) return;
            _ = Mappings;
            try
            {
                var result = RunEngine((trace, ct) => new PipelineSource(_rows).ReadFullAsync(Options(trace), ct));
                ScopingFilterApplication.Apply(result, Mappings.Scoping);
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
