using System.Threading;
using ShareFileProvisioning.Emulator.Hosting;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Tests.Source;

/// <summary>
/// The assignment pages are read from their JSON by the engine (not the SDK's model): a refused or failed page must
/// still fail the read the way every other Graph read fails — the permission named, Graph's status and message kept.
/// </summary>
public sealed class AssignmentListingErrorTests : SourceHarness
{
    private const string Listing = "/v1.0/servicePrincipals/" + SpId + "/appRoleAssignedTo";

    [Fact]
    public async Task RefusedAssignmentListing_FailsNamingApplicationReadAll()
    {
        var source = await Connect();
        Server.Control.InjectFaults(new FaultRule { Status = 403, PathPrefix = Listing });

        var error = await Assert.ThrowsAsync<SourcePermissionException>(() => source.ReadFullAsync(Mapped, CancellationToken.None));

        Assert.Equal(GraphPermissions.ApplicationReadAll, error.Permission);
    }

    [Fact]
    public async Task FailedAssignmentListing_CarriesGraphsStatusAndMessage()
    {
        var source = await Connect();
        Server.Control.InjectFaults(new FaultRule { Status = 400, PathPrefix = Listing });

        var error = await Assert.ThrowsAsync<SourceException>(() => source.ReadFullAsync(Mapped, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("Injected fault 400", error.Message);
        Assert.Contains("appRoleAssignedTo", error.Message);
    }

    [Fact]
    public async Task ThrottledAssignmentPage_IsRetriedByTheSdk_AndTheListingCompletes()
    {
        var source = await Connect();
        var quiet = await source.ReadFullAsync(Mapped, CancellationToken.None);
        Server.Control.InjectFaults(new FaultRule { Status = 429, Count = 1, RetryAfterSeconds = 1, PathPrefix = Listing });

        var result = await source.ReadFullAsync(Mapped, CancellationToken.None);

        Assert.Equal(quiet.AssignmentCount, result.AssignmentCount);
        Assert.Equal(quiet.Users.Count, result.Users.Count);
    }
}
