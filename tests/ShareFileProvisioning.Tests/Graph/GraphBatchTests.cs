using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphBatchTests : GraphEmulatorHarness
{
    [Fact]
    public async Task SdkBatch_ReturnsEachStepsResponse()
    {
        var batch = new BatchRequestContentCollection(Client);
        var userStep = await batch.AddBatchRequestStepAsync(Client.Users[Ada].ToGetRequestInformation(rc => rc.QueryParameters.Select = new[] { "department" }));
        var membersStep = await batch.AddBatchRequestStepAsync(Client.Groups[Finance].Members.ToGetRequestInformation());
        var missingStep = await batch.AddBatchRequestStepAsync(Client.Users[Guid.NewGuid().ToString()].ToGetRequestInformation());

        var response = await Client.Batch.PostAsync(batch);
        var user = await response.GetResponseByIdAsync<User>(userStep);
        var members = await response.GetResponseByIdAsync<DirectoryObjectCollectionResponse>(membersStep);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal("Engineering", user.Department);
        Assert.Equal(2, members.Value.Count);
        Assert.Equal(HttpStatusCode.NotFound, statuses[missingStep]);
    }

    [Fact]
    public async Task RawBatch_FailedDependencyIs424_AndMoreThan20RequestsIs400()
    {
        var http = PlainHttp();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        var dependent = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/" + Guid.NewGuid() + "\"},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/groups\",\"dependsOn\":[\"1\"]}]}";
        var tooMany = new JObject { ["requests"] = new JArray(Enumerable.Range(1, 21).Select(i => new JObject { ["id"] = i.ToString(), ["method"] = "GET", ["url"] = "/groups" })) };

        var ok = JObject.Parse(await (await http.PostAsync("v1.0/$batch", new StringContent(dependent, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());
        var rejected = await http.PostAsync("v1.0/$batch", new StringContent(tooMany.ToString(), Encoding.UTF8, "application/json"));

        Assert.Equal(404, (int)ok["responses"].Single(r => (string)r["id"] == "1")["status"]);
        Assert.Equal(424, (int)ok["responses"].Single(r => (string)r["id"] == "2")["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
    }
}
