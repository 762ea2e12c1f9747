using System.Collections.Generic;
using System.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Engine.ShareFile;
using static ShareFileProvisioning.Tests.ShareFile.ShareFileTestKit;

namespace ShareFileProvisioning.Tests.ShareFile;

/// <summary>The connection test's outcomes: each failure is a result that says what to fix.</summary>
public class ShareFileConnectionTestTests
{
    private static async Task<IReadOnlyList<ConnectionCheckResult>> RunAsync(ShareFileConnectionSettings settings, bool includeGroups)
    {
        using var client = new ShareFileClient(settings, FastOptions());
        return await new ShareFileConnectionTest(client, includeGroups).RunAsync(default);
    }

    private static ConnectionCheckResult Check(IReadOnlyList<ConnectionCheckResult> results, string name) =>
        Assert.Single(results, r => r.Name == name);

    [Fact]
    public async Task Admin_passes_every_check_including_groups()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());

        var results = await RunAsync(Settings(server), includeGroups: true);

        Assert.DoesNotContain(results, r => r.Status is ConnectionCheckStatus.Failed or ConnectionCheckStatus.Skipped);
        Assert.Contains(results, r => r.Name == ConnectionCheckNames.RolePrefix + "AdminCreateSharedGroups");
        Assert.Contains(results, r => r.Name == ConnectionCheckNames.GroupListAccess);
        Assert.Contains("licences used", Check(results, ConnectionCheckNames.Licences).Message);
        Assert.True(Check(results, ConnectionCheckNames.Overall).Passed);
    }

    [Fact]
    public async Task Wrong_password_fails_the_token_check_and_skips_the_rest()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());

        var results = await RunAsync(Settings(server, password: "nope-Pw-77"), includeGroups: false);

        Assert.Equal(ConnectionCheckStatus.Passed, Check(results, ConnectionCheckNames.HostReachable).Status);
        var token = Check(results, ConnectionCheckNames.TokenObtained);
        Assert.False(token.Passed);
        Assert.Contains("user name or password", token.Message);
        Assert.Null(Check(results, ConnectionCheckNames.AdminUser).Passed);
        Assert.Null(Check(results, ConnectionCheckNames.EmployeeListAccess).Passed);
        Assert.False(Check(results, ConnectionCheckNames.Overall).Passed);
        Assert.DoesNotContain(results, r => (r.Message + r.Detail).Contains("nope-Pw-77"));
    }

    [Fact]
    public async Task Wrong_client_secret_says_to_fix_the_client_credentials()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());

        var results = await RunAsync(Settings(server, secret: "bad-secret-99"), includeGroups: false);

        var token = Check(results, ConnectionCheckNames.TokenObtained);
        Assert.False(token.Passed);
        Assert.Contains("client id or client secret", token.Message);
        Assert.DoesNotContain(results, r => (r.Message + r.Detail).Contains("bad-secret-99"));
    }

    [Fact]
    public async Task Unreachable_host_fails_the_first_check_and_skips_the_token()
    {
        var port = ClosedLoopbackPort();

        var results = await RunAsync(Settings(new Uri($"http://127.0.0.1:{port}/")), includeGroups: true);

        var host = Check(results, ConnectionCheckNames.HostReachable);
        Assert.False(host.Passed);
        Assert.Contains($"127.0.0.1:{port}", host.Message);
        Assert.Equal(ConnectionCheckStatus.Skipped, Check(results, ConnectionCheckNames.TokenObtained).Status);
        Assert.Equal(ConnectionCheckStatus.Skipped, Check(results, ConnectionCheckNames.GroupListAccess).Status);
        Assert.False(Check(results, ConnectionCheckNames.Overall).Passed);
    }

    [Fact]
    public async Task Non_admin_user_is_told_which_roles_are_missing()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());

        var results = await RunAsync(Settings(server, UserEmail, UserPassword), includeGroups: true);

        Assert.True(Check(results, ConnectionCheckNames.TokenObtained).Passed);
        var missing = results.Where(r => r.Name.StartsWith(ConnectionCheckNames.RolePrefix) && r.Passed == false).ToList();
        Assert.Contains(missing, r => r.Name.EndsWith("AdminManageEmployees") && r.Message.Contains("lacks the ShareFile role AdminManageEmployees"));
        Assert.False(Check(results, ConnectionCheckNames.Overall).Passed);
        Assert.Contains("AdminManageEmployees", Check(results, ConnectionCheckNames.Overall).Message);
    }
}
