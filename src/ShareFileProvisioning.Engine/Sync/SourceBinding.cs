using System;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Sync
{
    /// <summary>
    /// Which source a profile's state was built from (source-binding.json): the links, delta links and waiting list
    /// mean something only for that tenant and enterprise app. A sync from another source is refused before any of its
    /// reads is trusted (docs/safety.md); Reset-ShareFileProvisioningState or -RebindSource changes it.
    /// </summary>
    public sealed class SourceBinding
    {
        public string SourceName { get; set; }

        public string TenantId { get; set; }

        public string ServicePrincipalId { get; set; }

        public DateTimeOffset BoundAt { get; set; }

        public static SourceBinding Of(SyncRequest request) => new SourceBinding
        {
            SourceName = request.Source.Name,
            TenantId = request.TenantId,
            ServicePrincipalId = request.Source.ServicePrincipalIdentity?.Id,
            BoundAt = DateTimeOffset.UtcNow,
        };

        public bool SameSourceAs(SourceBinding other) =>
            string.Equals(SourceName, other.SourceName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(ServicePrincipalId, other.ServicePrincipalId, StringComparison.OrdinalIgnoreCase)
            && (TenantId == null || other.TenantId == null || string.Equals(TenantId, other.TenantId, StringComparison.OrdinalIgnoreCase));

        public override string ToString() =>
            ServicePrincipalId == null ? SourceName : $"{SourceName} app {ServicePrincipalId}" + (TenantId != null ? $" in tenant {TenantId}" : "");

        /// <summary>Binds an unbound state to this source; refuses another source unless asked to rebind.</summary>
        internal static async Task CheckAsync(IStateStore state, SyncRequest request, CancellationToken ct)
        {
            var now = Of(request);
            var stored = await state.LoadDocumentAsync<SourceBinding>(StateDocumentName.SourceBinding, ct).ConfigureAwait(false);
            if (stored != null && !stored.SameSourceAs(now) && !request.RebindSource)
                throw new SyncRefusedException("SourceMismatch",
                    $"Profile '{request.Profile.Name}' holds state built from {stored}, but this sync reads {now}. Nothing was read or sent. " +
                    "Connect to the source the profile belongs to, or run Reset-ShareFileProvisioningState (or Invoke-ShareFileSync -RebindSource) to change it.");
            if (stored == null || !stored.SameSourceAs(now) || (stored.TenantId == null && now.TenantId != null))
                await state.SaveDocumentAsync(StateDocumentName.SourceBinding, now, ct).ConfigureAwait(false);
        }
    }
}
