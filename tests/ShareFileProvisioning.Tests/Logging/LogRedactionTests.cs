using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Logging;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.Logging;

/// <summary>Secrets never reach a log file, whatever field the sync put them in.</summary>
public class LogRedactionTests : IDisposable
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXZhbHVl";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Tokens_and_passwords_are_masked_in_every_field_of_the_written_line()
    {
        var store = new FileLogStore(_dir.Path);
        var cycle = ProvisioningCycleContext.Start("p", "t", "Initial");
        var record = ProvisioningLogRecord.For(cycle, ProvisioningAction.Create)
            .Source("s1", "Ada", "User", "ada@x", new Dictionary<string, string> { ["ClientSecret"] = "s3cr3t-value" })
            .Step(ProvisioningStepType.Export, "EntryExportAdd", ProvisioningResult.Failure, "POST /sf/v3/Users?access_token=tok-123 failed",
                new Dictionary<string, string> { ["Request"] = "Authorization: Bearer " + Jwt, ["Note"] = "[Redact]" })
            .Modified("Password", null, "Pa55word!")
            .Modified("Email", "[Redact]", "ada@x")
            .Failed("Unauthorized", "token " + Jwt + " rejected", "{\"client_secret\":\"cs-999\",\"password\":\"pw-1\"}")
            .Build();

        using (var writer = await store.BeginCycleAsync(cycle, CancellationToken.None))
            await writer.WriteAsync(record, CancellationToken.None);

        var text = File.ReadAllText(Directory.GetFiles(_dir.Path, "*.jsonl").Single());
        foreach (var secret in new[] { "s3cr3t-value", "tok-123", Jwt, "cs-999", "pw-1", "Pa55word!" })
            Assert.DoesNotContain(secret, text);
        var back = store.ReadRecords(null).Single();
        Assert.Equal("[Redact]", back.ModifiedProperties.Single(p => p.DisplayName == "Password").NewValue);
        Assert.Null(back.ModifiedProperties.Single(p => p.DisplayName == "Password").OldValue);
        Assert.Equal("[Redact]", back.ModifiedProperties.Single(p => p.DisplayName == "Email").OldValue);
        Assert.Equal("ada@x", back.ModifiedProperties.Single(p => p.DisplayName == "Email").NewValue);
        Assert.Equal("[Redact]", back.SourceIdentity.Details["ClientSecret"]);
        Assert.Equal("[Redact]", back.ProvisioningSteps[0].Details["Note"]);
        Assert.Contains("access_token=***", back.ProvisioningSteps[0].Description);
        Assert.Equal("Unauthorized", back.ProvisioningStatusInfo.ErrorInformation.ErrorCode);
    }

    [Fact]
    public void Ordinary_values_pass_unchanged()
    {
        Assert.Equal("Grace Hopper <grace@contoso.example>", ProvisioningLogSanitizer.Clean("Grace Hopper <grace@contoso.example>"));
        Assert.False(ProvisioningLogSanitizer.IsSecretName("Email"));
        Assert.True(ProvisioningLogSanitizer.IsSecretName("refresh_token"));
    }
}
