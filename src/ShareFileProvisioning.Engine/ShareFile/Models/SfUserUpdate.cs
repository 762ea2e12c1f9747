using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Partial body of PATCH Users(id): only non-null properties are sent.</summary>
    public class SfUserUpdate
    {
        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Company { get; set; }

        public string Email { get; set; }

        /// <summary>Sent as Security.IsDisabled.</summary>
        public bool? IsDisabled { get; set; }

        public string DefaultZoneId { get; set; }

        internal virtual JObject ToJson()
        {
            var body = new JObject();
            JsonBody.Add(body, "FirstName", FirstName);
            JsonBody.Add(body, "LastName", LastName);
            JsonBody.Add(body, "Company", Company);
            JsonBody.Add(body, "Email", Email?.Trim());
            if (IsDisabled.HasValue)
            {
                body["Security"] = new JObject { ["IsDisabled"] = IsDisabled.Value };
            }

            if (DefaultZoneId != null)
            {
                body["DefaultZone"] = new JObject { ["Id"] = DefaultZoneId };
            }

            return body;
        }
    }
}
