using System.IO;
using System.Net;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.ShareFile;

namespace ShareFileProvisioning.Tests.Emulator;

/// <summary>Starting the emulator from a seed file, an in-process seed, and rejecting bad seeds with a clear message.</summary>
public sealed class EmulatorStartupTests
{
    [Fact]
    public async Task Demo_seed_file_is_served_with_the_documented_demo_credentials()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeedPath = "seeds/sharefile-demo.json" });
        using var sf = new SfHttp(server.BaseUri);

        Assert.StartsWith("http://127.0.0.1:", server.BaseUri.ToString());
        var token = await sf.PasswordTokenAsync(EmulatorTestBase.AdminEmail, EmulatorTestBase.AdminPassword);
        var account = await sf.GetAsync("sf/v3/Accounts", token);
        Assert.Equal(25, (int)account.Body["UserMax"]);
        Assert.NotNull(server.ShareFile.FindUser("legacy.contractor@acme.com"));
    }

    [Fact]
    public async Task In_process_seed_wins_over_the_default()
    {
        var seed = ShareFileSeed.Default();
        seed.Account.Subdomain = "contoso";
        seed.TokenLifetimeSeconds = 2;
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ShareFileSeed = seed });
        using var sf = new SfHttp(server.BaseUri);

        var grant = await sf.PasswordGrantAsync(EmulatorTestBase.AdminEmail, EmulatorTestBase.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, grant.Status);
        Assert.Equal("contoso", (string)grant.Body["subdomain"]);
        Assert.Equal(2, (int)grant.Body["expires_in"]);
    }

    [Fact]
    public void Bad_seeds_fail_with_a_message_naming_the_problem()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => ShareFileState.Load("no-such-seed.json"));
        Assert.Contains("no-such-seed.json", missing.Message);

        var unknownMember = ShareFileSeed.Default();
        unknownMember.Groups[0].Members.Add("ghost@acme.com");
        var e1 = Assert.Throws<InvalidDataException>(() => ShareFileState.FromSeed(unknownMember));
        Assert.Contains("ghost@acme.com", e1.Message);

        var badRole = ShareFileSeed.Default();
        badRole.Users[0].Roles = ["Wizard"];
        Assert.Contains("Wizard", Assert.Throws<InvalidDataException>(() => ShareFileState.FromSeed(badRole)).Message);

        var path = Path.Combine(Path.GetTempPath(), $"sf-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"acount\":{}}");
        try
        {
            Assert.Contains("acount", Assert.Throws<InvalidDataException>(() => ShareFileState.Load(path)).Message);
        }
        finally { File.Delete(path); }
    }
}
