using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Pipeline;
using ShareFileProvisioning.Engine.Source.Scope;

namespace ShareFileProvisioning.Tests.Source;

public sealed class PipelineSourceTests
{
    private static Dictionary<string, object> Row(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public async Task CsvRows_BecomeInScopeUsers_WithAttributesAndEnabledState()
    {
        var source = new PipelineSource(new[]
        {
            Row(("userPrincipalName", "ada@contoso.example"), ("mail", "ada@contoso.example"), ("accountEnabled", "True"), ("department", "Eng")),
            Row(("userPrincipalName", "bob@contoso.example"), ("Enabled", false), ("displayName", "Bob")),
        });

        var result = await source.ReadFullAsync(new SourceReadOptions(), CancellationToken.None);

        Assert.Equal(new[] { "ada@contoso.example", "bob@contoso.example" }, result.Users.Select(u => u.Id));
        Assert.False(result.Users[0].IsSoftDeleted);
        Assert.True(result.Users[1].IsSoftDeleted);
        Assert.Equal("Eng", result.Users[0].Attributes.TryGetValue("department", out var d) ? d : null);
        Assert.Equal(ScopeReasonKind.Supplied, Assert.Single(result.Users[0].Reasons).Kind);
        Assert.Null(result.Watermark);
    }

    [Fact]
    public async Task RowWithoutAnchor_OrDuplicateAnchor_OrBadFlag_IsAClearError()
    {
        var noAnchor = new PipelineSource(new[] { Row(("mail", "x@contoso.example")) });
        var duplicate = new PipelineSource(new[] { Row(("id", "1")), Row(("id", "1")) });
        var badFlag = new PipelineSource(new[] { Row(("id", "1"), ("accountEnabled", "maybe")) });

        Assert.Contains("Row 1", (await Assert.ThrowsAsync<ArgumentException>(() => noAnchor.ReadFullAsync(null, CancellationToken.None))).Message);
        Assert.Contains("'1' appears twice", (await Assert.ThrowsAsync<ArgumentException>(() => duplicate.ReadFullAsync(null, CancellationToken.None))).Message);
        Assert.Contains("maybe", (await Assert.ThrowsAsync<ArgumentException>(() => badFlag.ReadFullAsync(null, CancellationToken.None))).Message);
    }
}
