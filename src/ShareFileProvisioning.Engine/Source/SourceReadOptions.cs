using System.Collections.Generic;
using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Engine.Source
{
    public sealed class SourceReadOptions
    {
        /// <summary>Source attribute names the mappings read; id, userPrincipalName, accountEnabled and displayName are always added.</summary>
        public IReadOnlyCollection<string> Attributes { get; set; } = new string[0];

        /// <summary>Most Graph requests in flight at once.</summary>
        public int MaxConcurrency { get; set; } = 4;

        public IEngineTrace Trace { get; set; }

        /// <summary>The scoping filters, for explaining one object's verdict clause by clause; null = none.</summary>
        public Mapping.Scoping.CompiledScopingFilterSet Scoping { get; set; }

        /// <summary>Users an incremental read reports as changed (read by id) although the delta did not return them.</summary>
        public IReadOnlyCollection<string> RevisitUserIds { get; set; }

        /// <summary>Receives the tenant's users when a full read lists the whole tenant (the account report); null = not kept.</summary>
        internal Scope.TenantListing TenantListing { get; set; }

        internal SourceReadOptions Copy() => (SourceReadOptions)MemberwiseClone();
    }
}
