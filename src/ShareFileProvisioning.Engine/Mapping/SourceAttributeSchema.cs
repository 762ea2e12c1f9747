using System;
using System.Collections.Generic;

namespace ShareFileProvisioning.Engine.Mapping
{
    /// <summary>
    /// The attributes a source offers (name → type, names case-insensitive). The config layer passes it to the
    /// expression compiler (unknown attribute → error) and to scoping-filter validation (disallowed types).
    /// </summary>
    public sealed class SourceAttributeSchema
    {
        private readonly Dictionary<string, SourceAttributeType> _types =
            new Dictionary<string, SourceAttributeType>(StringComparer.OrdinalIgnoreCase);

        public SourceAttributeSchema()
        {
            _types[SourceObject.IsSoftDeletedAttribute] = SourceAttributeType.Boolean;
        }

        /// <summary>Adds or replaces an attribute. Returns this schema for chaining.</summary>
        public SourceAttributeSchema Add(string name, SourceAttributeType type)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An attribute name must not be empty.", nameof(name));
            _types[name] = type;
            return this;
        }

        public bool Contains(string name) => name != null && _types.ContainsKey(name);

        public bool TryGetType(string name, out SourceAttributeType type)
        {
            type = default;
            return name != null && _types.TryGetValue(name, out type);
        }

        /// <summary>All attribute names (including the computed IsSoftDeleted).</summary>
        public IEnumerable<string> Names => _types.Keys;

        /// <summary>
        /// The Graph user properties we read or that mappings commonly use (docs/graph-api.md, 'What the source
        /// reads'). The source layer may add directory extension attributes.
        /// </summary>
        public static SourceAttributeSchema CreateEntraUserDefault()
        {
            var s = new SourceAttributeSchema();
            foreach (var name in new[]
                     {
                         "id", "objectId", "userPrincipalName", "mail", "givenName", "surname", "displayName", "companyName",
                         "department", "jobTitle", "employeeId", "employeeType", "mailNickname", "mobilePhone", "officeLocation",
                         "preferredLanguage", "city", "country", "state", "streetAddress", "postalCode", "usageLocation",
                         "userType", "onPremisesSamAccountName", "onPremisesImmutableId", "faxNumber",
                     })
                s.Add(name, SourceAttributeType.String);
            s.Add("accountEnabled", SourceAttributeType.Boolean);
            s.Add("businessPhones", SourceAttributeType.MultiValuedString);
            s.Add("proxyAddresses", SourceAttributeType.MultiValuedString);
            s.Add("otherMails", SourceAttributeType.MultiValuedString);
            s.Add("manager", SourceAttributeType.Reference);
            s.Add("createdDateTime", SourceAttributeType.DateTime);
            s.Add("employeeHireDate", SourceAttributeType.DateTime);
            s.Add("employeeLeaveDateTime", SourceAttributeType.DateTime);
            return s;
        }
    }
}
