using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShareFileProvisioning.Emulator.ShareFile;
using ShareFileProvisioning.Engine.State;
using ShareFileProvisioning.Tests.Sync;

namespace ShareFileProvisioning.Tests.Groups;

/// <summary>The sync harness with group provisioning on; the seed's assigned group "ShareFile Users" (Grace, Katherine, nested Engineering Contractors).</summary>
public abstract class GroupSyncHarness : SyncHarness
{
    protected const string SfUsersGroup = "8ce3be9f-aaaa-4a0b-8c1d-2e3f4a5b6c01";
    protected const string ContractorsGroup = "9df4cfa0-bbbb-4b1c-9d2e-3f4a5b6c7d02";
    protected const string Linus = "4eaf7a5b-5555-4c6d-8e7f-8a9b0c1d2e05";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Configuration.GroupProvisioning.Enabled = true;
    }

    protected ShareFileGroupInfo GroupNamed(string name) => Server.ShareFile.FindGroupsByName(name).SingleOrDefault();

    /// <summary>A group's members as emails, sorted.</summary>
    protected List<string> MemberEmails(ShareFileGroupInfo group) =>
        group.MemberIds.Select(id => Server.ShareFile.Users.Single(u => u.Id == id).Email.ToLowerInvariant()).OrderBy(e => e, StringComparer.Ordinal).ToList();

    protected async Task<ObjectLink> GroupLink(string sourceId)
    {
        var links = await State.LoadLinksAsync(CancellationToken.None);
        return links.TryGetBySource(sourceId, out var link) && link.ObjectType == LinkedObjectType.Group ? link : null;
    }
}
