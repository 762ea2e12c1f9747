using System;

namespace ShareFileProvisioning.Engine.Source.Graph
{
    /// <summary>One member of a group as its page lists it: object id and OData type (#microsoft.graph.user, …).</summary>
    internal readonly struct MemberReference
    {
        private const string UserType = "#microsoft.graph.user";
        private const string GroupType = "#microsoft.graph.group";

        private MemberReference(string id, string odataType)
        {
            Id = id;
            OdataType = odataType;
        }

        public string Id { get; }

        public string OdataType { get; }

        public bool IsUser => string.Equals(OdataType, UserType, StringComparison.OrdinalIgnoreCase);

        public bool IsGroup => string.Equals(OdataType, GroupType, StringComparison.OrdinalIgnoreCase);

        public static MemberReference Read(PropertyReader item)
        {
            string id = null, type = null;
            foreach (var name in item.Names())
            {
                if (name == "id") id = item.String;
                else if (name == "@odata.type") type = item.String;
            }

            return new MemberReference(id, type);
        }
    }
}
