namespace ShareFileProvisioning.Engine.Planning
{
    /// <summary>One attribute the action writes, old → new as ShareFile shows it; redacted values read "[Redact]".</summary>
    public sealed class PlanAttributeChange
    {
        public const string RedactedText = "[Redact]";

        /// <summary>The target attribute name (Email, FirstName, …, UserType, Enabled).</summary>
        public string Attribute { get; set; }

        public string OldValue { get; set; }

        public string NewValue { get; set; }

        public override string ToString() => $"{Attribute}: {OldValue ?? "null"} → {NewValue ?? "null"}";
    }
}
