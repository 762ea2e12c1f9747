using System;
using System.Text.RegularExpressions;

namespace ShareFileProvisioning.Engine.State
{
    /// <summary>Names of the documents <see cref="IStateStore.LoadDocumentAsync{T}"/> keeps: one path segment, safe as a file and a blob name.</summary>
    public static class StateDocumentName
    {
        public const string PendingCreates = "pending-creates.json";
        public const string SourceWatermark = "source-watermark.json";
        public const string Notifications = "notifications.json";
        public const string Waiting = "waiting.json";
        public const string SourceBinding = "source-binding.json";

        private static readonly Regex Valid = new Regex("^[a-z0-9][a-z0-9-]{0,62}\\.json$", RegexOptions.CultureInvariant);

        /// <summary>Throws when <paramref name="name"/> could escape the state folder or clash with the store's own parts.</summary>
        public static string Check(string name)
        {
            if (name == null || !Valid.IsMatch(name))
                throw new ArgumentException($"'{name}' is not a state document name: use lower-case letters, digits and '-' ending in '.json'.", nameof(name));
            return name;
        }
    }
}
