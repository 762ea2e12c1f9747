using System.Net;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Engine.State.Blob;

namespace ShareFileProvisioning.Tests.State.Blob
{
    /// <summary>The state contract for <see cref="BlobStateStore"/>, against Azurite, each test in a container of its own.</summary>
    [Collection(AzuriteCollection.Name)]
    public sealed class BlobStateStoreContractTests : StateStoreContractTests
    {
        private readonly AzuriteFixture _azurite;
        private readonly string _container = AzuriteFixture.NewContainerName();

        public BlobStateStoreContractTests(AzuriteFixture azurite) => _azurite = azurite;

        private BlobStateStoreSettings Settings() => new BlobStateStoreSettings
        {
            ContainerName = _container,
            ConnectionString = new NetworkCredential("", _azurite.ConnectionString).SecurePassword,
        };

        protected override IStateStore CreateStore() => new BlobStateStore(Settings());

        protected override IStateStore CreateSecondStoreOnSameState() => new BlobStateStore(Settings());
    }
}
