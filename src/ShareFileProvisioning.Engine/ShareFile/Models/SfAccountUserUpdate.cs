using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Partial body of PATCH Users/AccountUser(id): employee fields; IsEmployee=true promotes a client.</summary>
    public sealed class SfAccountUserUpdate : SfUserUpdate
    {
        public bool? IsEmployee { get; set; }

        public int? StorageQuotaLimitGB { get; set; }

        /// <summary>-1 = unlimited.</summary>
        public int? Bandwidth { get; set; }

        public bool? CanCreateFolders { get; set; }

        public bool? CanUseFileBox { get; set; }

        public bool? CanManageUsers { get; set; }

        internal override JObject ToJson()
        {
            var body = base.ToJson();
            JsonBody.Add(body, "IsEmployee", IsEmployee);
            JsonBody.Add(body, "StorageQuotaLimitGB", StorageQuotaLimitGB);
            JsonBody.Add(body, "Bandwidth", Bandwidth);
            JsonBody.Add(body, "CanCreateFolders", CanCreateFolders);
            JsonBody.Add(body, "CanUseFileBox", CanUseFileBox);
            JsonBody.Add(body, "CanManageUsers", CanManageUsers);
            return body;
        }
    }
}
