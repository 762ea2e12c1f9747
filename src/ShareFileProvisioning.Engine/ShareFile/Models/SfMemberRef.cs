using System;
using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>A group member reference: by user id (preferred) or by email.</summary>
    public sealed class SfMemberRef
    {
        private SfMemberRef(string id, string email)
        {
            Id = id;
            Email = email;
        }

        public string Id { get; }

        public string Email { get; }

        public static SfMemberRef ById(string id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("A group member reference needs a user id.", nameof(id));
            }

            return new SfMemberRef(id.Trim(), null);
        }

        public static SfMemberRef ByEmail(string email)
        {
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new ArgumentException("A group member reference needs an email address.", nameof(email));
            }

            return new SfMemberRef(null, email.Trim());
        }

        internal JObject ToJson()
        {
            return Id != null ? new JObject { ["Id"] = Id } : new JObject { ["Email"] = Email };
        }

        public override string ToString() => Id ?? Email;
    }
}
