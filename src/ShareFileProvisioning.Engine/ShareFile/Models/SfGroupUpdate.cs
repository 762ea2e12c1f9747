using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Partial body of PATCH Groups(id); members change through Add/RemoveGroupMembers only.</summary>
    public sealed class SfGroupUpdate
    {
        public string Name { get; set; }

        public bool? IsShared { get; set; }

        internal JObject ToJson()
        {
            var body = new JObject();
            JsonBody.Add(body, "Name", Name);
            JsonBody.Add(body, "IsShared", IsShared);
            return body;
        }
    }
}
