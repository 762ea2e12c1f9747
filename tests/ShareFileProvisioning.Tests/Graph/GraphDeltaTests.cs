using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Emulator.Graph;

namespace ShareFileProvisioning.Tests.Graph;

public sealed class GraphDeltaTests : GraphEmulatorHarness
{
    private static readonly string[] UserSelect = { "id", "displayName", "department", "accountEnabled" };

    /// <summary>Follows nextLinks to the deltaLink; returns every object and the page count.</summary>
    private async Task<(List<User> Users, string DeltaLink, int Pages)> ReadUsers(string link = null)
    {
        var users = new List<User>();
        var pages = 0;
        var page = link == null
            ? await Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Select = UserSelect)
            : await Client.Users.Delta.WithUrl(link).GetAsDeltaGetResponseAsync();
        while (true)
        {
            pages++;
            users.AddRange(page.Value);
            if (page.OdataNextLink == null) return (users, page.OdataDeltaLink, pages);
            Assert.Null(page.OdataDeltaLink);
            page = await Client.Users.Delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync();
        }
    }

    private async Task<(List<Group> Groups, string DeltaLink, int Pages)> ReadGroups(string link = null)
    {
        var groups = new List<Group>();
        var pages = 0;
        var page = link == null
            ? await Client.Groups.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Select = new[] { "displayName", "members" })
            : await Client.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync();
        while (true)
        {
            pages++;
            groups.AddRange(page.Value);
            if (page.OdataNextLink == null) return (groups, page.OdataDeltaLink, pages);
            page = await Client.Groups.Delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync();
        }
    }

    private static JToken Untyped(UntypedNode node) => node switch
    {
        UntypedObject o => new JObject(o.GetValue().Select(kv => new JProperty(kv.Key, Untyped(kv.Value)))),
        UntypedArray a => new JArray(a.GetValue().Select(Untyped)),
        UntypedString s => s.GetValue(),
        UntypedBoolean b => b.GetValue(),
        null or UntypedNull => JValue.CreateNull(),
        _ => node.ToString(),
    };

    private static string RemovedReason(IAdditionalDataHolder item) =>
        item.AdditionalData.TryGetValue("@removed", out var r) ? (string)Untyped((UntypedNode)r)["reason"] : null;

    private static JArray MembersDelta(Group g) =>
        g.AdditionalData.TryGetValue("members@delta", out var m) ? (JArray)Untyped((UntypedNode)m) : new JArray();

    [Fact]
    public async Task UsersDelta_InitialRound_PagesByServerPageSizeAndEndsWithDeltaLink()
    {
        Server.Graph.DeltaPageSize = 3;

        var (users, deltaLink, pages) = await ReadUsers();

        Assert.Equal(3, pages);
        Assert.Equal(8, users.Select(u => u.Id).Distinct().Count());
        Assert.StartsWith(Server.BaseUri + "v1.0/users/delta?$deltatoken=", deltaLink);
        var dennis = Assert.Single(users, u => u.Id == Dennis);
        Assert.False(dennis.AccountEnabled);
        Assert.Equal("Research", dennis.Department);
        Assert.Null(dennis.Mail);
    }

    [Fact]
    public async Task UsersDelta_NextRound_ReturnsExactlyTheChangedUsersWithCurrentState()
    {
        var (_, deltaLink, _) = await ReadUsers();
        Server.Graph.UpdateUser(Ada, "department", "Finance");
        Server.Graph.DisableUser(Alan);
        Server.Graph.SoftDeleteUser(Grace);
        Server.Graph.PurgeUser(Katherine);
        Server.Graph.UpdateUser(Linus, "mobilePhone", "+1 555 0199");
        var created = Server.Graph.CreateUser(new GraphUser { UserPrincipalName = "new.hire@contoso.example", DisplayName = "New Hire", Department = "Sales" });

        var (changes, nextDeltaLink, _) = await ReadUsers(deltaLink);

        Assert.Equal(new[] { Ada, Alan, Grace, Katherine, created }.OrderBy(i => i, StringComparer.Ordinal), changes.Select(u => u.Id));
        Assert.Equal("Finance", changes.Single(u => u.Id == Ada).Department);
        Assert.False(changes.Single(u => u.Id == Alan).AccountEnabled);
        Assert.Equal("changed", RemovedReason(changes.Single(u => u.Id == Grace)));
        Assert.Equal("deleted", RemovedReason(changes.Single(u => u.Id == Katherine)));
        Assert.Null(RemovedReason(changes.Single(u => u.Id == created)));
        Assert.Equal("New Hire", changes.Single(u => u.Id == created).DisplayName);
        var (quiet, _, _) = await ReadUsers(nextDeltaLink);
        Assert.Empty(quiet);
    }

    [Fact]
    public async Task UsersDelta_RestoredUserReappearsWithItsState()
    {
        Server.Graph.SoftDeleteUser(Grace);
        var (initial, deltaLink, _) = await ReadUsers();
        Server.Graph.RestoreUser(Grace);

        var (changes, _, _) = await ReadUsers(deltaLink);

        Assert.DoesNotContain(initial, u => u.Id == Grace);
        var grace = Assert.Single(changes);
        Assert.Equal(Grace, grace.Id);
        Assert.Null(RemovedReason(grace));
        Assert.Equal("Grace Hopper", grace.DisplayName);
    }

    [Fact]
    public async Task DeltaTokenLatest_ReturnsOnlyADeltaLinkThatSeesLaterChanges()
    {
        var latest = await Client.Users.Delta.WithUrl(Server.BaseUri + "v1.0/users/delta?$select=displayName&$deltatoken=latest").GetAsDeltaGetResponseAsync();
        Server.Graph.UpdateUser(Barbara, "displayName", "Barbara H. Liskov");

        var (changes, _, _) = await ReadUsers(latest.OdataDeltaLink);

        Assert.Empty(latest.Value);
        Assert.Null(latest.OdataNextLink);
        var barbara = Assert.Single(changes);
        Assert.Equal("Barbara H. Liskov", barbara.DisplayName);
        Assert.Null(barbara.Department);
    }

    [Fact]
    public async Task PageIterator_OverDelta_EndsInDeltaStateWithTheDeltaLink()
    {
        Server.Graph.DeltaPageSize = 2;
        var first = await Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Select = UserSelect);
        var count = 0;
        var iterator = PageIterator<User, Microsoft.Graph.Users.Delta.DeltaGetResponse>.CreatePageIterator(Client, first, _ => { count++; return true; });

        await iterator.IterateAsync();

        Assert.Equal(8, count);
        Assert.Equal(PagingState.Delta, iterator.State);
        Assert.Contains("$deltatoken=", iterator.Deltalink);
    }

    [Fact]
    public async Task ChangeToAnUnselectedProperty_DoesNotSurfaceTheUser()
    {
        var (_, deltaLink, _) = await ReadUsers();
        Server.Graph.UpdateUser(Ada, "jobTitle", "Countess");

        var (changes, _, _) = await ReadUsers(deltaLink);

        Assert.Empty(changes);
    }

    [Fact]
    public async Task UsersDelta_FilterById_OnlyThoseUsers_AndMoreThan50IdsIsRejected()
    {
        var filtered = await Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Filter = $"id eq '{Ada}' or id eq '{Dennis}'");
        var tooMany = string.Join(" or ", Enumerable.Range(0, 51).Select(_ => $"id eq '{Guid.NewGuid()}'"));
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Filter = tooMany));

        Assert.Equal(new[] { Ada, Dennis }, filtered.Value.Select(u => u.Id));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task UsersDelta_TopIsNotAllowed()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Top = 10));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("$top", error.Error.Message);
    }

    [Fact]
    public async Task ExpiredDeltaToken_FailsWithSyncStateNotFound()
    {
        var (_, deltaLink, _) = await ReadUsers();
        Server.Graph.AdvanceClock(TimeSpan.FromDays(6));
        var (_, stillValid, _) = await ReadUsers(deltaLink);
        Server.Graph.AdvanceClock(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadUsers(stillValid));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", error.Error.Code);
    }

    [Fact]
    public async Task UnknownDeltaToken_FailsWithSyncStateNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => ReadUsers(Server.BaseUri + "v1.0/users/delta?$deltatoken=bm90LWEtdG9rZW4"));

        Assert.Equal("syncStateNotFound", error.Error.Code);
    }

    [Fact]
    public async Task ResetMakesOldDeltaTokensUnknown()
    {
        var (_, deltaLink, _) = await ReadUsers();
        Server.Graph.Reset();

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadUsers(deltaLink));

        Assert.Equal("syncStateNotFound", error.Error.Code);
    }

    [Fact]
    public async Task InjectedGone_Is410WithLocationOfAFreshInitialDeltaRequest()
    {
        var (_, deltaLink, _) = await ReadUsers();
        Server.Graph.InjectDeltaGone("users");

        var error = await Assert.ThrowsAsync<ODataError>(() => ReadUsers(deltaLink));
        var location = error.ResponseHeaders["Location"].Single();
        var (resynced, _, _) = await ReadUsers(location);

        Assert.Equal(410, error.ResponseStatusCode);
        Assert.Equal(Server.BaseUri + "v1.0/users/delta?$select=displayName,department,accountEnabled", location);
        Assert.Equal(8, resynced.Count);
        Assert.All(resynced, u => Assert.NotNull(u.AccountEnabled));
    }

    [Fact]
    public async Task GroupsDelta_InitialRound_ListsMembersWithTheirODataType()
    {
        var (groups, _, _) = await ReadGroups();

        var sfUsers = MembersDelta(groups.Single(g => g.Id == ShareFileUsers));
        Assert.Equal(3, groups.Count);
        Assert.Equal(3, sfUsers.Count);
        Assert.Equal("#microsoft.graph.group", (string)sfUsers.Single(m => (string)m["id"] == Contractors)["@odata.type"]);
        Assert.Equal("#microsoft.graph.user", (string)sfUsers.Single(m => (string)m["id"] == Grace)["@odata.type"]);
        Assert.All(sfUsers, m => Assert.Null(m["@removed"]));
    }

    [Fact]
    public async Task GroupsDelta_MembershipChanges_AppearAsMembersDeltaWithRemovedEntries()
    {
        var (_, deltaLink, _) = await ReadGroups();
        Server.Graph.AddGroupMember(ShareFileUsers, Barbara);
        Server.Graph.RemoveGroupMember(ShareFileUsers, Katherine);
        Server.Graph.SoftDeleteUser(Margaret);

        var (changes, _, _) = await ReadGroups(deltaLink);

        Assert.Equal(new[] { ShareFileUsers, Finance }, changes.Select(g => g.Id));
        var delta = MembersDelta(changes.Single(g => g.Id == ShareFileUsers));
        Assert.Equal(2, delta.Count);
        Assert.Null(delta.Single(m => (string)m["id"] == Barbara)["@removed"]);
        Assert.Equal("deleted", (string)delta.Single(m => (string)m["id"] == Katherine)["@removed"]["reason"]);
        Assert.Equal("#microsoft.graph.user", (string)delta.Single(m => (string)m["id"] == Katherine)["@odata.type"]);
        var finance = MembersDelta(changes.Single(g => g.Id == Finance));
        Assert.Equal("deleted", (string)Assert.Single(finance)["@removed"]["reason"]);
    }

    [Fact]
    public async Task GroupsDelta_RenameWithoutMembershipChange_HasNoMembersDelta()
    {
        var (_, deltaLink, _) = await ReadGroups();
        Server.Graph.UpdateGroup(Finance, "displayName", "Finance & Controlling");

        var (changes, _, _) = await ReadGroups(deltaLink);

        var finance = Assert.Single(changes);
        Assert.Equal("Finance & Controlling", finance.DisplayName);
        Assert.False(finance.AdditionalData.ContainsKey("members@delta"));
    }

    [Fact]
    public async Task GroupsDelta_LargeGroupIsSplitOverPages_AndMergesToAllMembers()
    {
        Server.Graph.DeltaMembersPageSize = 1;

        var (groups, _, pages) = await ReadGroups();

        var parts = groups.Where(g => g.Id == ShareFileUsers).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal(3, parts.SelectMany(MembersDelta).Select(m => (string)m["id"]).Distinct().Count());
        Assert.Equal(6, pages);
    }

    [Fact]
    public async Task GroupsDelta_DeletedGroup_IsRemovedDeleted_AndLeavesItsParentAndTheAssignments()
    {
        var (_, deltaLink, _) = await ReadGroups();
        var http = PlainHttp();
        var deleted = await http.DeleteAsync($"_emulator/graph/groups/{Contractors}");
        var deletedAssigned = await http.DeleteAsync($"_emulator/graph/groups/{ShareFileUsers}");

        var (changes, _, _) = await ReadGroups(deltaLink);
        var assignments = await Client.ServicePrincipals[SpId].AppRoleAssignedTo.GetAsync();

        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (deleted.StatusCode, deletedAssigned.StatusCode));
        Assert.Equal("deleted", RemovedReason(changes.Single(g => g.Id == Contractors)));
        Assert.Equal("deleted", RemovedReason(changes.Single(g => g.Id == ShareFileUsers)));
        Assert.DoesNotContain(assignments.Value, a => a.PrincipalId == Guid.Parse(ShareFileUsers));
        Assert.DoesNotContain(Server.Graph.GroupIds, id => id == Contractors || id == ShareFileUsers);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.DeleteAsync($"_emulator/graph/groups/{Contractors}")).StatusCode);
    }

    [Fact]
    public async Task GroupsDelta_NestedGroupDeleted_ShowsAsARemovedGroupMemberOfItsParent()
    {
        var (_, deltaLink, _) = await ReadGroups();
        Server.Graph.DeleteGroup(Contractors);

        var (changes, _, _) = await ReadGroups(deltaLink);

        var member = Assert.Single(MembersDelta(changes.Single(g => g.Id == ShareFileUsers)));
        Assert.Equal((Contractors, "#microsoft.graph.group", "deleted"), ((string)member["id"], (string)member["@odata.type"], (string)member["@removed"]["reason"]));
    }

    [Fact]
    public async Task EmptyPagesSwitch_SendsPagesWithNoObjectsButANextLink_AndEveryUserStillArrives()
    {
        Server.Graph.DeltaPageSize = 3;
        Server.Graph.DeltaEmptyPages = true;
        var empty = 0;
        var page = await Client.Users.Delta.GetAsDeltaGetResponseAsync(rc => rc.QueryParameters.Select = UserSelect);
        var users = new List<User>();
        while (true)
        {
            users.AddRange(page.Value);
            if (page.Value.Count == 0 && page.OdataNextLink != null) empty++;
            if (page.OdataNextLink == null) break;
            page = await Client.Users.Delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync();
        }

        Assert.Equal(3, empty);
        Assert.Equal(8, users.Select(u => u.Id).Distinct().Count());
        Assert.NotNull(page.OdataDeltaLink);
    }

    [Fact]
    public async Task ReplaysSwitch_ReportsTheChangesOfTheRoundBeforeOnceMore()
    {
        var (_, link, _) = await ReadUsers();
        Server.Graph.DeltaReplays = true;
        Server.Graph.UpdateUser(Grace, "department", "Research");
        var (first, link2, _) = await ReadUsers(link);      // replays the initial round as well
        var (second, link3, _) = await ReadUsers(link2);    // nothing new: Grace's change again
        var (third, _, _) = await ReadUsers(link3);

        Assert.Contains(first, u => u.Id == Grace && u.Department == "Research");
        Assert.Equal(Grace, Assert.Single(second).Id);
        Assert.Empty(third);
    }
}
