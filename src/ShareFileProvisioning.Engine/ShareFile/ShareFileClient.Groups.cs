using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ShareFileProvisioning.Engine.ShareFile.Models;

namespace ShareFileProvisioning.Engine.ShareFile
{
    /// <summary>Distribution-group endpoints (docs/sharefile-api.md, 'Groups').</summary>
    public sealed partial class ShareFileClient
    {
        /// <summary>GET Groups, all pages.</summary>
        public Task<IReadOnlyList<SfGroup>> ListGroupsAsync(int? pageSize, CancellationToken cancellationToken) =>
            ListGroupsAsync(pageSize, false, cancellationToken);

        /// <summary>GET Groups, all pages; expandOwner fills <see cref="SfGroup.Owner"/> (a navigation property: absent unless expanded).</summary>
        public async Task<IReadOnlyList<SfGroup>> ListGroupsAsync(int? pageSize, bool expandOwner, CancellationToken cancellationToken)
        {
            return await ListFeedAsync(expandOwner ? "Groups?$expand=Owner" : "Groups", pageSize, ToGroup, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>GET Groups(id); expandContacts fills <see cref="SfGroup.Contacts"/>.</summary>
        public async Task<SfGroup> GetGroupAsync(string id, bool expandContacts, CancellationToken cancellationToken)
        {
            var json = await SendAsync(HttpMethod.Get, $"Groups({Id(id, "group")})" + (expandContacts ? "?$expand=Contacts" : string.Empty), null,
                cancellationToken).ConfigureAwait(false);
            return ToGroup(json as JObject);
        }

        /// <summary>POST Groups with initial members (by id or email; one unknown member rejects the whole call).</summary>
        public async Task<SfGroup> CreateGroupAsync(string name, bool isShared, IEnumerable<SfMemberRef> members, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A ShareFile group needs a name.", nameof(name));
            }

            var body = new JObject { ["Name"] = name, ["IsShared"] = isShared };
            var refs = MemberArray(members, allowEmpty: true);
            if (refs.Count > 0)
            {
                body["Contacts"] = refs;
            }

            var json = await SendAsync(HttpMethod.Post, "Groups", body, cancellationToken).ConfigureAwait(false);
            return ToGroup(json as JObject);
        }

        /// <summary>PATCH Groups(id): name and/or sharing.</summary>
        public async Task<SfGroup> UpdateGroupAsync(string id, SfGroupUpdate update, CancellationToken cancellationToken)
        {
            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }

            var json = await SendAsync(Patch, $"Groups({Id(id, "group")})", update.ToJson(), cancellationToken).ConfigureAwait(false);
            return ToGroup(json as JObject);
        }

        /// <summary>DELETE Groups(id).</summary>
        public Task DeleteGroupAsync(string id, CancellationToken cancellationToken)
        {
            return SendAsync(HttpMethod.Delete, $"Groups({Id(id, "group")})", null, cancellationToken);
        }

        /// <summary>GET Groups(id)/Contacts, all pages.</summary>
        public async Task<IReadOnlyList<SfContact>> ListGroupMembersAsync(string id, int? pageSize, CancellationToken cancellationToken)
        {
            return await ListFeedAsync($"Groups({Id(id, "group")})/Contacts", pageSize, ShareFileJson.ToModel<SfContact>,
                cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST Groups(id)/Contacts; returns the updated member list. Present members are left as they are.</summary>
        public async Task<IReadOnlyList<SfContact>> AddGroupMembersAsync(string id, IEnumerable<SfMemberRef> members, CancellationToken cancellationToken)
        {
            var body = MemberArray(members, allowEmpty: false);
            var json = await SendAsync(HttpMethod.Post, $"Groups({Id(id, "group")})/Contacts", body, cancellationToken).ConfigureAwait(false);
            return FeedItems(json);
        }

        /// <summary>DELETE Groups(id)/Contacts with a JSON body; returns the updated member list. Absent members are skipped.</summary>
        public async Task<IReadOnlyList<SfContact>> RemoveGroupMembersAsync(string id, IEnumerable<SfMemberRef> members, CancellationToken cancellationToken)
        {
            var body = MemberArray(members, allowEmpty: false);
            var json = await SendAsync(HttpMethod.Delete, $"Groups({Id(id, "group")})/Contacts", body, cancellationToken).ConfigureAwait(false);
            return FeedItems(json);
        }

        private static JArray MemberArray(IEnumerable<SfMemberRef> members, bool allowEmpty)
        {
            var list = (members ?? Enumerable.Empty<SfMemberRef>()).Where(m => m != null).Select(m => m.ToJson()).ToList();
            if (list.Count == 0 && !allowEmpty)
            {
                throw new ArgumentException("At least one group member reference is required.", nameof(members));
            }

            return new JArray(list);
        }

        private static IReadOnlyList<SfContact> FeedItems(JToken json)
        {
            var items = json is JArray array ? array : (json is JObject feed ? ShareFileJson.Property(feed, "value") as JArray : null);
            return items == null ? new List<SfContact>() : items.OfType<JObject>().Select(ShareFileJson.ToModel<SfContact>).ToList();
        }

        private static SfGroup ToGroup(JObject json)
        {
            if (json == null)
            {
                return null;
            }

            // Contacts may come as an array or as a nested feed; read it separately from the scalar fields.
            var copy = (JObject)json.DeepClone();
            var contacts = ShareFileJson.Property(copy, "Contacts");
            copy.Properties().Where(p => string.Equals(p.Name, "Contacts", StringComparison.OrdinalIgnoreCase)).ToList().ForEach(p => p.Remove());
            var group = ShareFileJson.ToModel<SfGroup>(copy);
            if (contacts != null && contacts.Type != JTokenType.Null)
            {
                group.Contacts = FeedItems(contacts);
            }

            return group;
        }
    }
}
