using Newtonsoft.Json.Linq;

namespace ShareFileProvisioning.Engine.ShareFile.Models
{
    /// <summary>Adds a property only when it has a value: request bodies omit nulls.</summary>
    internal static class JsonBody
    {
        public static void Add(JObject body, string name, string value)
        {
            if (value != null)
            {
                body[name] = value;
            }
        }

        public static void Add(JObject body, string name, bool? value)
        {
            if (value.HasValue)
            {
                body[name] = value.Value;
            }
        }

        public static void Add(JObject body, string name, int? value)
        {
            if (value.HasValue)
            {
                body[name] = value.Value;
            }
        }
    }
}
