using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.Source.Scope;
using ShareFileProvisioning.Engine.State;

namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>The source watermark as the source-watermark.json document of the profile's state store (a folder or a blob container).</summary>
    public sealed class StateSourceWatermarkStore : ISourceWatermarkStore
    {
        private readonly IStateStore _state;

        public StateSourceWatermarkStore(IStateStore state)
        {
            _state = state ?? throw new ArgumentNullException(nameof(state));
        }

        public async Task<SourceWatermark> LoadAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _state.LoadDocumentAsync<SourceWatermark>(StateDocumentName.SourceWatermark, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"The source watermark in '{_state.Location}' is unreadable ({e.Message}); delete {StateDocumentName.SourceWatermark} to start with an initial cycle.", e);
            }
        }

        public Task SaveAsync(SourceWatermark watermark, CancellationToken cancellationToken) =>
            _state.SaveDocumentAsync(StateDocumentName.SourceWatermark, watermark ?? throw new ArgumentNullException(nameof(watermark)), cancellationToken);
    }
}
