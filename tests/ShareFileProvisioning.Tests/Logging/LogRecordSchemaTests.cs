using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.Logging;

namespace ShareFileProvisioning.Tests.Logging;

/// <summary>The record serializes exactly in Entra's provisioningObjectSummary shape (docs/entra-provisioning.md, 'Log records and steps').</summary>
public class LogRecordSchemaTests
{
    // Entra's documented example with its elided values filled in.
    private const string ReferenceExample = """
        {"id":"3f1c0000-0000-4000-8000-000000000001","activityDateTime":"2025-03-01T10:00:05Z","jobId":"sharefileprovisioning.7c9d1a4e2f3b4c5d8e6f0a1b2c3d4e5f.0123456789abcdef0123456789abcdef","cycleId":"8a2d0000-0000-4000-8000-000000000002","changeId":"c41b0000-0000-4000-8000-000000000003",
         "provisioningAction":"create","durationInMilliseconds":812,
         "sourceIdentity":{"id":"0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01","displayName":"Ada Lovelace","identityType":"User"},
         "targetIdentity":{"id":"a1b2c3d4-sf","displayName":"Ada Lovelace","identityType":"User"},
         "provisioningStatusInfo":{"status":"success"},
         "provisioningSteps":[{"name":"EntryImport","provisioningStepType":"import","status":"success"},
          {"name":"EntrySynchronizationScoping","provisioningStepType":"scoping","status":"success","details":{"Assigned":"True","IsActive":"True"}},
          {"name":"EntrySynchronizationAdd","provisioningStepType":"matching","status":"success"},
          {"name":"EntryExportAdd","provisioningStepType":"export","status":"success"}],
         "modifiedProperties":[{"displayName":"Email","oldValue":null,"newValue":"ada@contoso.com"}]}
        """;

    private static ProvisioningCycleContext ExampleCycle() => new()
    {
        JobId = "sharefileprovisioning.7c9d1a4e2f3b4c5d8e6f0a1b2c3d4e5f.0123456789abcdef0123456789abcdef",
        CycleId = "8a2d0000-0000-4000-8000-000000000002",
    };

    [Fact]
    public void A_create_record_serializes_to_the_reference_example()
    {
        var record = ProvisioningLogRecord.For(ExampleCycle(), ProvisioningAction.Create)
            .ChangeId("c41b0000-0000-4000-8000-000000000003")
            .At(new DateTimeOffset(2025, 3, 1, 11, 0, 5, TimeSpan.FromHours(1)))
            .Duration(TimeSpan.FromMilliseconds(812))
            .Source("0a6b3c1d-1111-4e2f-8a3b-4c5d6e7f8a01", "Ada Lovelace", "User")
            .Target("a1b2c3d4-sf", "Ada Lovelace", "User")
            .Step(ProvisioningStepType.Import, "EntryImport", ProvisioningResult.Success)
            .Step(ProvisioningStepType.Scoping, "EntrySynchronizationScoping", ProvisioningResult.Success, details: new Dictionary<string, string> { ["Assigned"] = "True", ["IsActive"] = "True" })
            .Step(ProvisioningStepType.Matching, "EntrySynchronizationAdd", ProvisioningResult.Success)
            .Step(ProvisioningStepType.Export, "EntryExportAdd", ProvisioningResult.Success)
            .Modified("Email", null, "ada@contoso.com")
            .Build();
        record.Id = "3f1c0000-0000-4000-8000-000000000001";

        var actual = JObject.Parse(ProvisioningLogJson.Serialize(record));
        var expected = JObject.Parse(ReferenceExample);

        Assert.True(JToken.DeepEquals(expected, actual), "Serialized:\n" + actual.ToString());
    }

    [Fact]
    public void Every_field_of_the_schema_is_written_with_its_camelCase_name()
    {
        var cycle = ProvisioningCycleContext.Start("contoso", "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", "Initial",
            new ProvisioningServicePrincipal { Id = "sp-1", DisplayName = "Citrix ShareFile" }, "contoso",
            new ProvisioningInitiator { Id = "u1", DisplayName = "Admin", InitiatorType = "user" });
        var record = ProvisioningLogRecord.For(cycle, ProvisioningAction.StagedDelete)
            .Source("s1", "Alan Turing", "User", "alan@contoso.example")
            .Target("t1", "Alan Turing", "User", "alan@contoso.example")
            .Step(ProvisioningStepType.Processing, "EntrySynchronizationSkip", ProvisioningResult.Skipped, "Held by the deletion threshold", new Dictionary<string, string> { ["SkipReason"] = "TooManyDeletes" })
            .Failed("TooManyDeletes", "Above the threshold", "501 > 500", "Review and run Invoke-ShareFileSync -AllowDeletes")
            .Build();

        var json = JObject.Parse(ProvisioningLogJson.Serialize(record));

        Assert.Equal(new[]
        {
            "id", "activityDateTime", "tenantId", "jobId", "cycleId", "changeId", "durationInMilliseconds", "initiatedBy", "servicePrincipal",
            "sourceSystem", "targetSystem", "sourceIdentity", "targetIdentity", "provisioningAction", "provisioningStatusInfo", "provisioningSteps", "modifiedProperties",
        }.OrderBy(n => n), json.Properties().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal("stagedDelete", (string)json["provisioningAction"]);
        Assert.Equal(new[] { "id", "displayName", "initiatorType" }, ((JObject)json["initiatedBy"]).Properties().Select(p => p.Name));
        Assert.Equal("Entra ID", (string)json["sourceSystem"]["displayName"]);
        Assert.Equal("7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", (string)json["sourceSystem"]["id"]);
        Assert.Equal("alan@contoso.example", (string)json["sourceIdentity"]["details"]["UserPrincipalName"]);
        var error = (JObject)json["provisioningStatusInfo"]["errorInformation"];
        Assert.Equal(new[] { "errorCode", "reason", "additionalDetails", "errorCategory", "recommendedAction" }, error.Properties().Select(p => p.Name));
        Assert.Equal("failure", (string)json["provisioningStatusInfo"]["status"]);
        var step = (JObject)json["provisioningSteps"][0];
        Assert.Equal(new[] { "name", "provisioningStepType", "status", "description", "details" }, step.Properties().Select(p => p.Name));
        Assert.Equal("processing", (string)step["provisioningStepType"]);
        Assert.Equal("skipped", (string)step["status"]);
        Assert.EndsWith("Z", json["activityDateTime"].ToString(Newtonsoft.Json.Formatting.None).Trim('"'));
    }

    [Theory]
    [InlineData(ProvisioningStepType.ReferenceResolution, "referenceResolution")]
    [InlineData(ProvisioningStepType.Import, "import")]
    public void Step_types_use_Entra_names(ProvisioningStepType type, string expected)
    {
        var record = ProvisioningLogRecord.For(ExampleCycle(), ProvisioningAction.Other).Source("s", "S").Step(type, "X", ProvisioningResult.Warning).Build();
        var json = JObject.Parse(ProvisioningLogJson.Serialize(record));
        Assert.Equal(expected, (string)json["provisioningSteps"][0]["provisioningStepType"]);
        Assert.Equal("warning", (string)json["provisioningSteps"][0]["status"]);
    }

    [Fact]
    public void A_record_round_trips_through_its_json_line()
    {
        var cycle = ProvisioningCycleContext.Start("p", "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", "Incremental");
        var record = ProvisioningLogRecord.For(cycle, ProvisioningAction.Update).Source("s", "Grace", "User", "grace@x")
            .Modified("FirstName", "Grace", "Grace B.").Duration(TimeSpan.FromSeconds(1.5)).Build();

        var line = ProvisioningLogJson.Serialize(record);
        var back = ProvisioningLogJson.Deserialize(line);

        Assert.DoesNotContain("\n", line);
        Assert.Equal(line, ProvisioningLogJson.Serialize(back));
        Assert.Equal("grace@x", back.SourceIdentity.UserPrincipalName);
        Assert.Equal(1500, back.DurationInMilliseconds);
        Assert.Equal(TimeSpan.Zero, back.ActivityDateTime.Offset);
    }

    [Fact]
    public void The_job_id_follows_Entras_format_and_is_stable_per_profile()
    {
        var a = ProvisioningJobId.For("7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", "contoso");
        var again = ProvisioningCycleContext.Start("Contoso", "7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", "Initial").JobId;
        var other = ProvisioningJobId.For("7c9d1a4e-2f3b-4c5d-8e6f-0a1b2c3d4e5f", "fabrikam");

        Assert.Matches("^sharefileprovisioning\\.7c9d1a4e2f3b4c5d8e6f0a1b2c3d4e5f\\.[0-9a-f]{32}$", a);
        Assert.Equal(a, again);
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Each_record_and_each_cycle_gets_its_own_ids()
    {
        var c1 = ProvisioningCycleContext.Start("p", "t", "Initial");
        var c2 = ProvisioningCycleContext.Start("p", "t", "Incremental");
        var r1 = ProvisioningLogRecord.For(c1, ProvisioningAction.Create).Source("a", "A").Build();
        var r2 = ProvisioningLogRecord.For(c1, ProvisioningAction.Create).Source("b", "B").Build();

        Assert.NotEqual(c1.CycleId, c2.CycleId);
        Assert.Equal(c1.JobId, c2.JobId);
        Assert.NotEqual(r1.ChangeId, r2.ChangeId);
        Assert.NotEqual(r1.Id, r2.Id);
        Assert.Equal(c1.CycleId, r1.CycleId);
    }

    [Fact]
    public void A_record_without_source_or_target_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ProvisioningLogRecord.For(ExampleCycle(), ProvisioningAction.Create).Build());
        Assert.Contains("neither a source nor a target", e.Message);
    }
}
