using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Body of POST Users/AccountUser (employee; consumes a licence). Null properties are not sent.</summary>
    public sealed class SfCreateEmployeeRequest : SfCreateClientRequest
    {
        public bool? IsAdministrator { get; set; }

        public bool? CanCreateFolders { get; set; }

        public bool? CanUseFileBox { get; set; }

        public bool? CanManageUsers { get; set; }

        /// <summary>Null or -1 = account default.</summary>
        public int? StorageQuotaLimitGB { get; set; }

        internal override JObject ToJson()
        {
            var body = base.ToJson();
            body["IsEmployee"] = true;
            JsonBody.Add(body, "IsAdministrator", IsAdministrator);
            JsonBody.Add(body, "CanCreateFolders", CanCreateFolders);
            JsonBody.Add(body, "CanUseFileBox", CanUseFileBox);
            JsonBody.Add(body, "CanManageUsers", CanManageUsers);
            JsonBody.Add(body, "StorageQuotaLimitGB", StorageQuotaLimitGB);
            return body;
        }
    }
}
