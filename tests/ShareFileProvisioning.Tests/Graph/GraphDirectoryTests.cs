using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator;
using ShareFileProvisioning.Emulator.Graph;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphDirectoryTests : GraphEmulatorHarness
{
    [Fact]
    public async Task GetUser_WithoutSelect_ReturnsOnlyTheDefaultPropertySet()
    {
        var user = await Client.Users[Ada].GetAsync();

        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.Equal("ada.lovelace@contoso.example", user.UserPrincipalName);
        Assert.Equal("+1 555 0101", user.MobilePhone);
        Assert.Null(user.Department);
        Assert.Null(user.AccountEnabled);
        Assert.Null(user.EmployeeId);
    }

    [Fact]
    public async Task GetUser_WithSelect_ReturnsExactlyTheSelectedProperties()
    {
        var user = await Client.Users[Dennis].GetAsync(rc => rc.QueryParameters.Select = new[] { "department", "accountEnabled", "employeeId", "city" });

        Assert.Equal(Dennis, user.Id);
        Assert.Equal("Research", user.Department);
        Assert.False(user.AccountEnabled);
        Assert.Equal("E1007", user.EmployeeId);
        Assert.Null(user.DisplayName);
    }

    [Fact]
    public async Task GetUser_UnknownSelectProperty_IsRejectedWith400()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users[Ada].GetAsync(rc => rc.QueryParameters.Select = new[] { "noSuchThing" }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("noSuchThing", error.Error.Message);
    }

    [Fact]
    public async Task GetUser_UnknownId_Is404ResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users[Guid.NewGuid().ToString()].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error.Code);
    }

    [Fact]
    public async Task ListUsers_FilterIdIn_ReturnsOnlyThoseUsersWithSelectedProperties()
    {
        var page = await Client.Users.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"id in ('{Ada}','{Grace}')";
            rc.QueryParameters.Select = new[] { "id", "mail", "companyName" };
        });

        Assert.Equal(new[] { Ada, Grace }, page.Value.Select(u => u.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(page.Value, u => Assert.Equal("Contoso", u.CompanyName));
        Assert.All(page.Value, u => Assert.Null(u.DisplayName));
    }

    [Fact]
    public async Task ListUsers_FilterIdEqOrIdEq_MatchesEither()
    {
        var page = await Client.Users.GetAsync(rc => rc.QueryParameters.Filter = $"id eq '{Linus}' or id eq '{Barbara}'");

        Assert.Equal(2, page.Value.Count);
    }

    [Fact]
    public async Task ListUsers_Top1000_IsRejectedAsInvalidPageSize()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users.GetAsync(rc => rc.QueryParameters.Top = 1000));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.StartsWith("Invalid page size specified", error.Error.Message);
    }

    [Fact]
    public async Task ListGroups_FilterByDisplayName_FindsTheGroup()
    {
        var page = await Client.Groups.GetAsync(rc => rc.QueryParameters.Filter = "displayName eq 'Finance'");

        Assert.Equal(Finance, Assert.Single(page.Value).Id);
    }

    [Fact]
    public async Task GroupMembers_AreDirectOnlyAndTypedAsUserOrGroup()
    {
        var page = await Client.Groups[ShareFileUsers].Members.GetAsync(rc => { rc.QueryParameters.Select = new[] { "id", "displayName" }; rc.QueryParameters.Top = 999; });

        Assert.Equal(new[] { Grace, Katherine }, page.Value.OfType<User>().Select(u => u.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(Contractors, Assert.Single(page.Value.OfType<Group>()).Id);
        Assert.DoesNotContain(page.Value, m => m.Id == Linus);
    }

    [Fact]
    public async Task TransitiveMembers_IncludeMembersOfNestedGroups()
    {
        var page = await Client.Groups[ShareFileUsers].TransitiveMembers.GetAsync();

        Assert.Contains(page.Value, m => m is User && m.Id == Linus);
        Assert.Contains(page.Value, m => m is Group && m.Id == Contractors);
        Assert.Equal(4, page.Value.Count);
    }

    [Fact]
    public async Task TransitiveMembersUserCast_NeedsEventualConsistencyAndCount()
    {
        var users = await Client.Groups[ShareFileUsers].TransitiveMembers.GraphUser.GetAsync(rc =>
        {
            rc.Headers.Add("ConsistencyLevel", "eventual");
            rc.QueryParameters.Count = true;
        });
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Groups[ShareFileUsers].TransitiveMembers.GraphUser.GetAsync());

        Assert.Equal(new[] { Grace, Katherine, Linus }, users.Value.Select(u => u.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(3, users.OdataCount);
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task GroupMembers_SoftDeletedUserIsNotAMemberUntilRestored()
    {
        Server.Graph.SoftDeleteUser(Grace);
        var during = await Client.Groups[ShareFileUsers].Members.GetAsync();
        Server.Graph.RestoreUser(Grace);
        var after = await Client.Groups[ShareFileUsers].Members.GetAsync();

        Assert.DoesNotContain(during.Value, m => m.Id == Grace);
        Assert.Contains(after.Value, m => m.Id == Grace);
    }

    [Fact]
    public async Task MissingPermission_Is403NamingTheRequiredPermission()
    {
        var restricted = CreateClient("no-user-read");

        var error = await Assert.ThrowsAsync<ODataError>(() => restricted.Users[Ada].GetAsync());
        var groups = await restricted.Groups.GetAsync();

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error.Code);
        Assert.Contains("User.Read.All", error.Error.Message);
        Assert.NotEmpty(groups.Value);
    }

    [Fact]
    public async Task MissingBearerToken_Is401InvalidAuthenticationToken()
    {
        var response = await PlainHttp().GetAsync("v1.0/users");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType.MediaType);
        Assert.Equal("InvalidAuthenticationToken", (string)body["error"]["code"]);
        Assert.NotNull(body["error"]["innerError"]["request-id"]);
    }

    [Fact]
    public async Task RawQueryWithEncodedDollar_IsUnderstoodLikeThePlainName()
    {
        var http = PlainHttp();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "x");

        var body = JObject.Parse(await http.GetStringAsync($"v1.0/users/{Ada}?%24select=department"));

        Assert.Equal("Engineering", (string)body["department"]);
        Assert.Null(body["displayName"]);
        Assert.Equal(Server.BaseUri + "v1.0/$metadata#users(department)/$entity", (string)body["@odata.context"]);
    }

    [Fact]
    public async Task SendMail_IsAcceptedAndRecorded()
    {
        await Client.Users[Ada].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = "Provisioning report",
                Body = new ItemBody { ContentType = BodyType.Text, Content = "3 created" },
                ToRecipients = new List<Recipient> { new() { EmailAddress = new EmailAddress { Address = "ops@contoso.example" } } },
            },
            SaveToSentItems = false,
        });

        var mail = Assert.Single(Server.Graph.SentMail);
        Assert.Equal(Ada, mail.UserId);
        Assert.Equal("Provisioning report", (string)JObject.Parse(mail.Body).GetValue("message", StringComparison.OrdinalIgnoreCase)["subject"]);
        var overHttp = JObject.Parse(await PlainHttp().GetStringAsync("_emulator/graph/sentMail"));
        Assert.Single((JArray)overHttp["value"]);
    }
}

public sealed class GraphPagingTests : GraphEmulatorHarness
{
    private string _seedPath;

    protected override EmulatorOptions Options
    {
        get
        {
            _seedPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"graph-paging-{Guid.NewGuid():N}.json");
            GraphSeedGenerator.Save(GraphSeedGenerator.Create(users: 250, groups: 2, membersPerGroup: 120), _seedPath);
            return new EmulatorOptions { GraphSeedPath = _seedPath };
        }
    }

    [Fact]
    public async Task ListUsers_DefaultPageIs100_AndPageIteratorFollowsNextLinksToTheEnd()
    {
        var first = await Client.Users.GetAsync();
        var ids = new List<string>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(Client, first, u => { ids.Add(u.Id); return true; });
        await iterator.IterateAsync();

        Assert.Equal(100, first.Value.Count);
        Assert.StartsWith(Server.BaseUri + "v1.0/users?", first.OdataNextLink);
        Assert.Equal(250, ids.Distinct().Count());
        Assert.Equal(250, ids.Count);
    }

    [Fact]
    public async Task GroupMembers_PageWithTop_AndCollectAllMembers()
    {
        var groupId = Server.Graph.GroupIds.First(id => Server.Graph.GetGroupMembers(id).Count == 120);
        var first = await Client.Groups[groupId].Members.GetAsync(rc => rc.QueryParameters.Top = 50);
        var ids = new List<string>();
        await PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(Client, first, m => { ids.Add(m.Id); return true; }).IterateAsync();

        Assert.Equal(50, first.Value.Count);
        Assert.Equal(Server.Graph.GetGroupMembers(groupId).OrderBy(i => i), ids.OrderBy(i => i));
    }

    [Fact]
    public async Task TamperedSkipToken_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users.WithUrl(Server.BaseUri + "v1.0/users?$skiptoken=garbage").GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Directory_ExpiredPageToken", error.Error.Code);
    }
}
