using System;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Body of POST Users (client user). Null properties are not sent.</summary>
    public class SfCreateClientRequest
    {
        public string Email { get; set; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Company { get; set; }

        /// <summary>Storage zone id; null = the account default.</summary>
        public string DefaultZoneId { get; set; }

        public bool? CanResetPassword { get; set; }

        public bool? CanViewMySettings { get; set; }

        internal virtual JObject ToJson()
        {
            if (string.IsNullOrWhiteSpace(Email))
            {
                throw new ArgumentException("A ShareFile user needs an Email.");
            }

            var body = new JObject { ["Email"] = Email.Trim() };
            JsonBody.Add(body, "FirstName", FirstName);
            JsonBody.Add(body, "LastName", LastName);
            JsonBody.Add(body, "Company", Company);
            if (DefaultZoneId != null)
            {
                body["DefaultZone"] = new JObject { ["Id"] = DefaultZoneId };
            }

            if (CanResetPassword.HasValue || CanViewMySettings.HasValue)
            {
                var preferences = new JObject();
                JsonBody.Add(preferences, "CanResetPassword", CanResetPassword);
                JsonBody.Add(preferences, "CanViewMySettings", CanViewMySettings);
                body["Preferences"] = preferences;
            }

            return body;
        }

        public override string ToString() => $"{GetType().Name} {Email}";
    }
}
