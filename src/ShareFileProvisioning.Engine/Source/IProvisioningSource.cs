using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Engine.Source
{
    /// <summary>Where users and groups come from: Entra ID through Graph, or objects from the pipeline.</summary>
    public interface IProvisioningSource
    {
        /// <summary>Display name of the source ("Entra ID", "Pipeline").</summary>
        string Name { get; }

        /// <summary>The whole scope, with a watermark for the next incremental read (null when the source has none).</summary>
        Task<SourceReadResult> ReadFullAsync(SourceReadOptions options, CancellationToken cancellationToken);

        /// <summary>The enterprise app the provisioning job belongs to, as log records name it; null when the source has none.</summary>
        Logging.ProvisioningServicePrincipal ServicePrincipalIdentity { get; }

        /// <summary>The identity a run of this source uses (managed identity, app or user), as log records' initiatedBy.</summary>
        Logging.ProvisioningInitiator Initiator { get; }

        /// <summary>Changes since <paramref name="watermark"/>; falls back to a full read (and says so) when it cannot.</summary>
        Task<SourceReadResult> ReadChangesAsync(SourceWatermark watermark, SourceReadOptions options, CancellationToken cancellationToken);
    }
}
